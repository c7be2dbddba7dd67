package dev.inkstone.content;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

/**
 * A validated, NFC-normalized path inside the content repository ("" is the root).
 * Built only through {@link #of}, so nothing that could escape the repository or name Git's own files reaches Git.
 */
public record PagePath(String value) {

    public static final int MAX_BYTES = 1024;
    public static final PagePath ROOT = new PagePath("");

    public PagePath {
        // Records cannot hide their canonical constructor; funnel it through the same checks.
        check(value);
    }

    /** Validates a decoded path; one leading and one trailing slash are tolerated, as URLs produce them. */
    public static PagePath of(String raw) {
        if (raw == null) {
            return ROOT;
        }
        String path = raw;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new PagePath(nfc(path));
    }

    /** NFC; text without any character from U+0300 up (where combining marks start) is already NFC as it is. */
    private static String nfc(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) >= 0x300) {
                return Normalizer.normalize(path, Normalizer.Form.NFC);
            }
        }
        return path;
    }

    private static void check(String path) {
        // A UTF-16 unit is at most 3 UTF-8 bytes: only a path that could be too long is encoded to find out.
        if (path.length() * 3 > MAX_BYTES && path.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidPathException("path is longer than " + MAX_BYTES + " bytes");
        }
        if (path.isEmpty()) {
            return;
        }
        if (path.startsWith("/")) {
            throw new InvalidPathException("path must be relative to the repository root");
        }
        int segmentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '/') {
                checkSegment(path, segmentStart, i);
                segmentStart = i + 1;
            } else if (c == '\\') {
                throw new InvalidPathException("path must not contain a backslash");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw new InvalidPathException("path must not contain control characters");
            }
        }
    }

    private static void checkSegment(String path, int start, int end) {
        int length = end - start;
        if (length == 0) {
            throw new InvalidPathException("path must not contain empty segments");
        }
        if (path.startsWith(".", start) && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
            throw new InvalidPathException("path must not contain '.' or '..' segments");
        }
        if (length == 4 && path.regionMatches(true, start, ".git", 0, 4)) {
            throw new InvalidPathException("path must not name Git's own files");
        }
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    public List<String> segments() {
        return isRoot() ? List.of() : List.of(value.split("/"));
    }

    /** The last segment, or "" for the root. */
    public String name() {
        int slash = value.lastIndexOf('/');
        return value.substring(slash + 1);
    }

    public PagePath parent() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? ROOT : new PagePath(value.substring(0, slash));
    }

    @Override
    public String toString() {
        return value;
    }
}
