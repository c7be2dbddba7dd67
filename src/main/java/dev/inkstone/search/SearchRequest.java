package dev.inkstone.search;

/**
 * A search as the client asked it: the query text, the section to stay in ("" for the whole site), how many hits,
 * and the cursor of the previous page (null for the first).
 */
public record SearchRequest(String query, String section, int limit, String cursor) {
}
