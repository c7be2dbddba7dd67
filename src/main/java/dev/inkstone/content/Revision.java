package dev.inkstone.content;

/**
 * A resolved commit to read from. {@code pinned} is true when the client named the full commit id,
 * so the answer can never change and may be cached forever.
 */
public record Revision(String commit, boolean pinned) {
}
