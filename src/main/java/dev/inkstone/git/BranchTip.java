package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.FileSnapshot;
import org.eclipse.jgit.internal.storage.file.RefDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/**
 * The served branch's tip, remembered between requests and revalidated with two {@code stat} calls.
 *
 * <p>Why not {@link Repository#exactRef} per request: in a clone the branch usually lives in {@code packed-refs}, so
 * JGit first tries the loose file, builds a {@code FileNotFoundException} and matches a regex to rule out a stale NFS
 * handle — measured at 14 % of a cached page read. Here a missing loose file is detected with
 * {@link File#exists()} (no exception), and both files are compared with JGit's {@link FileSnapshot}, which also
 * treats a file modified within the file system's timestamp resolution as changed ("racily clean"), so a push
 * made with the {@code git} CLI is seen by the very next request. The snapshots are taken before the ref is read:
 * a change racing with the read is then seen as a modification next time, never missed.
 */
final class BranchTip {

    private record Seen(Optional<ObjectId> id, FileSnapshot loose, FileSnapshot packed) {
    }

    private final Repository repository;
    private final String refName;
    private final File looseFile;
    private final File packedFile;
    /** Only a plain ref directory has these two files; other ref databases (reftable) are asked every time. */
    private final boolean files;
    private volatile Seen seen;

    BranchTip(Repository repository, String branch) {
        this.repository = repository;
        this.refName = Constants.R_HEADS + branch;
        this.looseFile = new File(repository.getDirectory(), refName);
        this.packedFile = new File(repository.getDirectory(), Constants.PACKED_REFS);
        this.files = repository.getRefDatabase() instanceof RefDirectory;
    }

    /** The object the branch points at, if it exists. */
    Optional<ObjectId> id() throws IOException {
        Seen last = seen;
        if (last != null && unchanged(last)) {
            return last.id();
        }
        FileSnapshot loose = snapshot(looseFile);
        FileSnapshot packed = snapshot(packedFile);
        Ref ref = repository.exactRef(refName);
        Optional<ObjectId> id = Optional.ofNullable(ref == null ? null : ref.getObjectId()).map(ObjectId::copy);
        if (files) {
            seen = new Seen(id, loose, packed);
        }
        return id;
    }

    private boolean unchanged(Seen last) {
        return unchanged(last.loose(), looseFile) && unchanged(last.packed(), packedFile);
    }

    private static boolean unchanged(FileSnapshot snapshot, File file) {
        boolean exists = file.exists();
        if (snapshot == FileSnapshot.MISSING_FILE) {
            return !exists;
        }
        return exists && !snapshot.isModified(file);
    }

    private static FileSnapshot snapshot(File file) {
        return file.exists() ? FileSnapshot.save(file) : FileSnapshot.MISSING_FILE;
    }
}
