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
     * Commits like {@link #commit(CommitRequest)}, and while the commit waits to be made durable hands it to
     * {@code meanwhile}, on the caller's thread: work for the answer (rendering the page) overlaps the wait for the
     * disk instead of following it. What {@code meanwhile} sees is not acknowledged yet: if the branch moved
     * underneath, the batch is rebuilt and the returned outcome names another commit, so compare before using
     * anything derived from it. Unchanged or refused writes never reach it. A writer that cannot tell calls it
     * after the commit.
     */
    default CommitOutcome commit(CommitRequest request, Consumer<CommitOutcome> meanwhile) {
        CommitOutcome outcome = commit(request);
        if (outcome.changed()) {
            meanwhile.accept(outcome);
        }
        return outcome;
    }

    /**
     * Registers a listener called with the new tip after each commit that moved the branch (caches, indexes).
     * Listeners must not throw; a writer that cannot tell ignores them.
     */
    default void onCommit(Consumer<String> listener) {
    }
}
