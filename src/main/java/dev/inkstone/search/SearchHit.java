package dev.inkstone.search;

import dev.inkstone.content.Breadcrumb;

import java.util.List;

/** A page that matched, with its ancestors, its score and HTML snippets (escaped, matches in {@code <mark>}). */
public record SearchHit(String path, String title, List<Breadcrumb> breadcrumbs, float score, List<String> snippets) {
}
