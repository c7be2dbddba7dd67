package dev.inkstone.content;

import java.util.function.Consumer;

/**
 * Commits changes to the served branch. Implementations serialize writes, guard every ref update with a
 * compare-and-swap, merge stale bases, and acknowledge only what is durable on disk.
 */
public interface ContentWriter {

    /**
     * @throws PreconditionException when a guard does not hold (and nothing is committed)
     * @throws EditConflictException when a stale base does not merge cleanly
     */
    CommitOutcome commit(CommitRequest request);

    /**
     * Registers a listener called with the new tip after each commit that moved the branch (caches, indexes).
     * Listeners must not throw; a writer that cannot tell ignores them.
     */
    default void onCommit(Consumer<String> listener) {
    }
}
