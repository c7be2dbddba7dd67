package dev.inkstone.content;

/**
 * One change to a file in its history. {@code path} and {@code previousPath} are repository file paths here;
 * the service turns them into page paths for clients. {@code change} is added, modified, renamed or deleted.
 */
public record HistoryItem(String commit, String message, Person author, String date, String change, String path,
                          String previousPath) {
}
