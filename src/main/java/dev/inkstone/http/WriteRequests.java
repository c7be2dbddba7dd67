package dev.inkstone.http;

import java.util.List;

/** The JSON bodies of write requests, as clients send them. */
final class WriteRequests {

    private WriteRequests() {
    }

    record PutPage(String content, String sha, String message) {
    }

    record Move(String from, String to, String sha, String message) {
    }

    record ChangeSet(String message, String base, List<ChangeItem> changes) {
    }

    record ChangeItem(String op, String path, String content, String encoding, String sha, String to) {
    }

    record Render(String content, String path) {
    }

    record Revert(String message) {
    }

    record Restore(String path, String ref, String sha, String message) {
    }
}
