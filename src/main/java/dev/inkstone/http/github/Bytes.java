package dev.inkstone.http.github;

import dev.inkstone.content.ContentBytes;

/** Whether a client's bytes are text; their blob id and strict UTF-8 decoding are {@link ContentBytes}'. */
final class Bytes {

    private Bytes() {
    }

    /** UTF-8 without NUL bytes: what Git and browsers treat as text. */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return ContentBytes.utf8(bytes).isPresent();
    }
}
