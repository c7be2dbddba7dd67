package dev.inkstone.content;

/** The answer to every write: the commit, the page as it now is (or null), and what happened. */
public record WriteResult(CommitInfo commit, Page page, boolean merged, boolean changed) {
}
