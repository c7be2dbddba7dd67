package dev.inkstone.http.github;

import dev.inkstone.content.ContentBytes;

import java.util.Optional;

/** What a client's bytes are to Git and to a reader: their blob id, and their text if they are strict UTF-8. */
final class Bytes {

    private Bytes() {
    }

    /** The Git blob id the bytes get. */
    static String blobId(byte[] bytes) {
        return ContentBytes.blobId(bytes);
    }

    /** The text, if the bytes are valid UTF-8; nothing is replaced. */
    static Optional<String> utf8(byte[] bytes) {
        return ContentBytes.utf8(bytes);
    }

    /** UTF-8 without NUL bytes: what Git and browsers treat as text. */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return utf8(bytes).isPresent();
    }
}
