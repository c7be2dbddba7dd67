package dev.inkstone.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Resolves the relative links of one source file: Markdown pages become page URLs ("/ai/model/attention#qkv"),
 * other files and every image become file URLs ("/api/files/images/a.svg"). Absolute URLs and fragments are left
 * alone. Pure and thread-safe.
 */
final class LinkRewriter {

    static final String FILES_PREFIX = "/api/files/";

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\x00-\\x20\\x7f]+");

    /** What a link becomes: its new href and, unless it escapes the repository, what it points at. */
    record Rewrite(String href, String repoPath, String pagePath, String warning) {
    }

    private final String folder;

    /** @param sourcePath the repository path of the Markdown file, or "" for a page with no file */
    LinkRewriter(String sourcePath) {
        String path = sourcePath == null ? "" : sourcePath;
        int slash = path.lastIndexOf('/');
        folder = slash < 0 ? "" : path.substring(0, slash);
    }

    /** The rewrite of {@code url}, or null when it is not a link into the repository. */
    Rewrite rewrite(String url, boolean image) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("//") || hasScheme(url)) {
            return null;
        }
        int suffixAt = indexOfAny(url, '?', '#');
        String rawPath = suffixAt < 0 ? url : url.substring(0, suffixAt);
        String suffix = suffixAt < 0 ? "" : url.substring(suffixAt);
        if (rawPath.isEmpty()) {
            return null;
        }
        String decoded = percentDecode(rawPath);
        String repoPath = normalize(decoded.startsWith("/") ? decoded : folder + "/" + decoded);
        if (repoPath == null) {
            return new Rewrite("#", null, null, "link escapes the repository: " + url);
        }
        if (image) {
            return new Rewrite(FILES_PREFIX + encodePath(repoPath) + suffix, repoPath, null, null);
        }
        if (PagePaths.isMarkdown(repoPath) && !decoded.endsWith("/")) {
            String pagePath = PagePaths.pagePathOf(repoPath);
            return new Rewrite("/" + encodePath(pagePath) + suffix, repoPath, pagePath, null);
        }
        if (looksLikePage(repoPath, decoded)) {
            return new Rewrite("/" + encodePath(repoPath) + suffix, repoPath, repoPath, null);
        }
        return new Rewrite(FILES_PREFIX + encodePath(repoPath) + suffix, repoPath, null, null);
    }

    /** Whether a browser would see a scheme, after dropping the control characters and spaces it ignores. */
    private static boolean hasScheme(String url) {
        return SCHEME.matcher(IGNORED_BY_BROWSERS.matcher(url).replaceAll("")).find();
    }

    /** A folder, or a last segment without an extension, names a page as its URL would. */
    private static boolean looksLikePage(String repoPath, String decoded) {
        if (repoPath.isEmpty() || decoded.endsWith("/") || decoded.endsWith("/.") || decoded.endsWith("/..")
                || decoded.equals(".") || decoded.equals("..")) {
            return true;
        }
        String name = repoPath.substring(repoPath.lastIndexOf('/') + 1);
        return name.indexOf('.') < 0;
    }

    /** Resolves "." and ".." segments; null when the path climbs above the repository root. */
    private static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** Decodes valid %XX sequences as UTF-8 and leaves anything else, such as a bare "%", as written. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes each segment as UTF-8, keeping only unreserved characters and the slashes between. */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static int indexOfAny(String text, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == first || text.charAt(i) == second) {
                return i;
            }
        }
        return -1;
    }
}
