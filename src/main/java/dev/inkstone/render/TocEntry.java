package dev.inkstone.render;

/** One "##" or "###" heading of a page: its level, its anchor id and its plain text. */
public record TocEntry(int level, String id, String text) {
}
