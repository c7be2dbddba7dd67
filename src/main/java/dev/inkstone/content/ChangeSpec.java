package dev.inkstone.content;

/** One change of a changeset as a client describes it, before validation. */
public record ChangeSpec(String op, String path, byte[] content, boolean text, String sha, String to) {
}
