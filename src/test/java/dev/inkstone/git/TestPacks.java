package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Packs for tests, written as the writer writes a batch: one pack per call, its objects stored whole. */
final class TestPacks {

    private TestPacks() {
    }

    /**
     * A new pack holding exactly {@code blobs}, also those the repository has already (as two batches that raced
     * each other can leave them, and as a merged pack and the packs it merged do); returns their ids.
     */
    static List<ObjectId> write(ObjectDirectory objects, byte[]... blobs) throws IOException {
        List<ObjectId> ids = new ArrayList<>();
        try (PackInserter inserter = objects.newPackInserter()) {
            inserter.checkExisting(false);
            for (byte[] blob : blobs) {
                ids.add(inserter.insert(Constants.OBJ_BLOB, blob));
            }
            inserter.flush();
        }
        return ids;
    }
}
