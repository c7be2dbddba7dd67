package dev.inkstone.content;

/**
 * What a write did: the commit now at the branch tip (the unchanged tip when {@code changed} is false) and
 * whether a stale base had to be merged.
 */
public record CommitOutcome(CommitInfo commit, boolean merged, boolean changed) {
}
