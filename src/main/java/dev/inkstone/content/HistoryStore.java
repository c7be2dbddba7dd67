package dev.inkstone.content;

import java.util.List;
import java.util.Optional;

/** History of the content repository: per-file logs that follow renames, commits, diffs and ranges. */
public interface HistoryStore {

    /** Starts whatever the store builds in the background (an index); the service calls it once it is serving. */
    default void start() {
    }

    /**
     * The history of {@code file} as seen from {@code revision}, newest first, following renames.
     * {@code cursor} (from a previous page) pins the walk to where it stopped.
     */
    HistoryPage fileHistory(Revision revision, String file, int limit, String cursor);

    /**
     * Who created a file (following renames) and who changed it, as seen from a revision.
     *
     * @throws HistoryPendingException when the index is not ready yet and a walk to the file's creation would be long
     */
    Authorship authorship(Revision revision, String file);

    /**
     * The last commit that changed a file or folder, as {@code git log -1 -- <path>} reports it: from the history
     * index, or from a Bloom-filtered walk while the index is not ready.
     *
     * @throws HistoryPendingException when that walk would be long and the index is not ready yet
     */
    Optional<CommitRef> lastChange(Revision revision, String path);

    /** A commit by full or abbreviated id, with its changed files. */
    Optional<CommitSummary> commit(String id);

    /** Commits reachable from {@code revision}, newest first, with their files; {@code cursor} continues. */
    List<CommitSummary> log(Revision revision, int limit, String afterCommit);

    /** The unified diff of {@code file} between two commits; a side where the file is absent counts as empty. */
    FileDiff diff(String file, String fromCommit, String fromFile, String toCommit);

    /** Files changed between two commits, renames detected. */
    List<ChangedFile> changesBetween(String fromCommit, String toCommit);

    /** The blob id of a file at a commit, if a file (not a folder or submodule) exists there by that path. */
    Optional<String> blobAt(String commit, String file);

    /**
     * The changes that undo {@code commit} on top of {@code onto}, each guarded by the exact current version,
     * or the paths that do not apply cleanly.
     */
    RevertPlan planRevert(String commit, String onto);

    /** What reverting a commit would change, or why it cannot be done cleanly. */
    record RevertPlan(List<Change> changes, List<String> conflicts) {
    }

    /** The parents of a commit. */
    List<String> parents(String commit);
}
