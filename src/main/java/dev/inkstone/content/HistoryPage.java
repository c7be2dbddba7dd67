package dev.inkstone.content;

import java.util.List;

/** A page of history items, newest first, with the opaque cursor of the next page (null at the end). */
public record HistoryPage(List<HistoryItem> items, String next) {
}
