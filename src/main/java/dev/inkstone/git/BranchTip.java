package dev.inkstone.git;

import org.eclipse.jgit.events.RefsChangedEvent;
import org.eclipse.jgit.internal.storage.file.FileSnapshot;
import org.eclipse.jgit.internal.storage.file.RefDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The served branch's tip, remembered between requests: trusted for {@link #TRUST_NANOS} after it was last checked,
 * then revalidated with two {@code stat} calls.
 *
 * <p>Why not {@link Repository#exactRef} per request: in a clone the branch usually lives in {@code packed-refs}, so
 * JGit first tries the loose file, builds a {@code FileNotFoundException} and matches a regex to rule out a stale NFS
 * handle — measured at 14 % of a cached page read. Here a missing loose file is detected with
 * {@link File#exists()} (no exception), and both files are compared with JGit's {@link FileSnapshot}, which also
 * treats a file modified within the file system's timestamp resolution as changed ("racily clean"). The snapshots
 * are taken before the ref is read: a change racing with the read is then seen as a modification next time, never
 * missed.
 *
 * <p>Why a trust window: those checks were still three system calls per cached read (strace), several percent of
 * it; under load a millisecond spans dozens of reads that now share one check. Commits made in this process fire a
 * {@link RefsChangedEvent} on the repository, which ends the window at once, so an editor reads its own write on
 * the very next request; a push with the {@code git} CLI (another process, which takes far longer than the window)
 * is seen by every request that starts a millisecond after it finished.
 */
final class BranchTip {

    /** How long a checked tip is believed without looking at the files again. */
    static final long TRUST_NANOS = 1_000_000;

    private record Seen(Optional<ObjectId> id, FileSnapshot loose, FileSnapshot packed, long generation,
                        long checkedAt) {
    }

    private final Repository repository;
    private final String refName;
    private final File looseFile;
    private final File packedFile;
    /** Only a plain ref directory has these two files; other ref databases (reftable) are asked every time. */
    private final boolean files;
    private final long trustNanos;
    /** Bumped by every refs-changed event: a tip seen under an older generation is not believed. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Seen seen;

    BranchTip(Repository repository, String branch) {
        this(repository, branch, TRUST_NANOS);
    }

    /** With another trust window: tests widen it to tell the window from the event that ends it. */
    BranchTip(Repository repository, String branch, long trustNanos) {
        this.repository = repository;
        this.trustNanos = trustNanos;
        this.refName = Constants.R_HEADS + branch;
        this.looseFile = new File(repository.getDirectory(), refName);
        this.packedFile = new File(repository.getDirectory(), Constants.PACKED_REFS);
        this.files = repository.getRefDatabase() instanceof RefDirectory;
        repository.getListenerList().addRefsChangedListener(event -> generation.incrementAndGet());
    }

    /** The object the branch points at, if it exists. */
    Optional<ObjectId> id() throws IOException {
        long current = generation.get();
        Seen last = seen;
        if (last != null && last.generation() == current) {
            long now = System.nanoTime();
            if (now - last.checkedAt() < trustNanos) {
                return last.id();
            }
            if (unchanged(last)) {
                seen = new Seen(last.id(), last.loose(), last.packed(), current, now);
                return last.id();
            }
        }
        FileSnapshot loose = snapshot(looseFile);
        FileSnapshot packed = snapshot(packedFile);
        Ref ref = repository.exactRef(refName);
        Optional<ObjectId> id = Optional.ofNullable(ref == null ? null : ref.getObjectId()).map(ObjectId::copy);
        if (files) {
            // Stored under the generation read before the files: if an event came meanwhile, it is not believed.
            seen = new Seen(id, loose, packed, current, System.nanoTime());
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
