package dev.inkstone.content;

/** A Git identity as it appears in a commit. */
public record Person(String name, String email) {
}
