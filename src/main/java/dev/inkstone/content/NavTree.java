package dev.inkstone.content;

/** The navigation tree of one revision (or a subtree of it). */
public record NavTree(String revision, NavNode tree) {
}
