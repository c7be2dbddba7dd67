package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The type of every object in a pack, read from the entry headers of the pack file (Git's pack format: a type in
 * the first byte; a delta's type is its base's, found by offset or by id) without inflating anything.
 *
 * <p>Why not JGit: its public way to learn a type is to open the object, which inflates it, and a profile of a
 * merge of 200,000 objects spent 47 % of its time doing that; JGit's own header reader is not public.
 */
final class PackObjectTypes {

    /** Longest entry header: a type-and-size varint (at most 10 bytes) then a 20-byte base id or offset varint. */
    private static final int HEADER_BYTES = 32;

    private final PackIndex index;
    private final FileChannel file;
    private final ObjectReader fallback;
    private final Map<Long, Integer> typeAtOffset = new HashMap<>();
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);

    private PackObjectTypes(PackIndex index, FileChannel file, ObjectReader fallback) {
        this.index = index;
        this.file = file;
        this.fallback = fallback;
    }

    /**
     * Calls {@code each} with every object of the pack and its type ({@link Constants#OBJ_COMMIT} and so on).
     *
     * @param fallback opens a delta's base when it is not in this pack (a thin pack; never written here)
     */
    static void forEach(Pack pack, ObjectReader fallback, BiConsumer<ObjectId, Integer> each) throws IOException {
        PackIndex index = pack.getIndex();
        try (FileChannel file = FileChannel.open(pack.getPackFile().toPath(), StandardOpenOption.READ)) {
            PackObjectTypes types = new PackObjectTypes(index, file, fallback);
            for (PackIndex.MutableEntry entry : index) {
                each.accept(entry.toObjectId(), types.typeAt(entry.getOffset()));
            }
        }
    }

    private int typeAt(long offset) throws IOException {
        Integer known = typeAtOffset.get(offset);
        if (known != null) {
            return known;
        }
        readHeader(offset);
        int type = PackEntryHeader.type(header);
        int resolved = switch (type) {
            case Constants.OBJ_COMMIT, Constants.OBJ_TREE, Constants.OBJ_BLOB, Constants.OBJ_TAG -> type;
            case Constants.OBJ_OFS_DELTA -> typeAt(offset - PackEntryHeader.baseDistance(header));
            case Constants.OBJ_REF_DELTA -> {
                byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
                header.get(raw);
                ObjectId base = ObjectId.fromRaw(raw);
                long baseOffset = index.findOffset(base);
                yield baseOffset >= 0 ? typeAt(baseOffset) : fallback.open(base).getType();
            }
            default -> throw new IOException("unknown pack entry type " + type + " at offset " + offset);
        };
        typeAtOffset.put(offset, resolved);
        return resolved;
    }

    private void readHeader(long offset) throws IOException {
        header.clear();
        while (header.hasRemaining()) {
            if (file.read(header, offset + header.position()) < 0) {
                break; // the last entry may be shorter than HEADER_BYTES before the trailer; enough was read
            }
        }
        if (header.position() == 0) {
            throw new EOFException("no pack entry at offset " + offset);
        }
        header.flip();
    }
}
