package dev.inkstone.content;

/** One entry of a page's table of contents. */
public record TocItem(int level, String id, String text) {
}
