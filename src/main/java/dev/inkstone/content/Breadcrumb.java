package dev.inkstone.content;

/** An ancestor of a page, home first. */
public record Breadcrumb(String path, String title) {
}
