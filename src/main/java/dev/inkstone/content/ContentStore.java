package dev.inkstone.content;

import java.util.List;
import java.util.Optional;

/** Read access to the content repository; the Git implementation lives in {@code dev.inkstone.git}. */
public interface ContentStore {

    /**
     * Resolves a client's {@code ref} (a full or unique abbreviated commit id, a branch, a tag),
     * or the served branch when {@code ref} is null.
     *
     * @throws InvalidRefException for revision expressions and malformed names
     * @throws NotFoundException when nothing of that name exists
     */
    Revision resolve(String ref);

    /** Every entry of the revision's tree, in Git's path order. */
    List<TreeEntry> tree(Revision revision);

    /** The bytes of a blob; blobs are immutable, so callers may cache by id. */
    Optional<byte[]> blob(String blobId);

    /** Files that differ between two commits, in path order; {@code from} null means the empty tree. */
    List<FileChange> changes(String from, String to);

    /**
     * How {@code to}'s tree differs from {@code from}'s, as entries: what {@code to} has at every path that was added
     * or changed, and the paths it no longer has. Empty when more than {@code limit} paths differ, so a caller can
     * read the whole tree instead. Costs a walk of the differing subtrees only.
     */
    Optional<TreeDelta> delta(String from, String to, int limit);

    /** Whether {@code ancestor} is reachable from {@code descendant} (a commit is its own ancestor). */
    boolean isAncestor(String ancestor, String descendant);

    /** The branch the service serves. */
    String branch();

    /** The entries of a folder ("" for the root) of the revision; empty when there is no such folder. */
    Optional<List<FolderEntry>> folder(Revision revision, String path);

    /**
     * {@code git log} from {@code fromCommit}, newest first: with {@code path}, only commits that changed it (or
     * anything under it), with Git's history simplification. Skips {@code skip} commits, returns up to {@code limit}.
     */
    CommitLogPage log(String fromCommit, String path, int skip, int limit);
}
