package dev.inkstone.search;

import java.util.List;

/** One page of results, from the index at {@code revision}; {@code next} continues it, null at the end. */
public record SearchResults(String query, String revision, long total, List<SearchHit> items, String next) {
}
