package dev.inkstone.http;

import dev.inkstone.content.ContentBytes;
import dev.inkstone.content.PagePath;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Extracts the repository path that follows a route prefix from the raw request URI and decodes it strictly:
 * percent-escapes as UTF-8 segment by segment, {@code %2F} as '/', invalid UTF-8 refused rather than replaced.
 * Working from the raw URI keeps Jetty's dot-segment normalisation from hiding a {@code ..} from the validator.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The validated path after {@code prefix} (e.g. "/api/pages"); "" for the prefix itself. */
    public static PagePath after(Context ctx, String prefix) {
        String raw = ctx.req().getRequestURI();
        int query = raw.indexOf('?');
        if (query >= 0) {
            raw = raw.substring(0, query);
        }
        if (!raw.startsWith(prefix)) {
            throw new ApiException(ProblemType.INVALID_PATH, "path does not start with " + prefix);
        }
        if (raw.indexOf('\uFFFD') >= 0) {
            // Jetty decodes raw (unescaped) path bytes leniently; a replacement character means invalid UTF-8.
            throw new ApiException(ProblemType.INVALID_PATH, "path is not valid UTF-8");
        }
        String tail = raw.substring(prefix.length());
        if (tail.startsWith("/")) {
            tail = tail.substring(1);
        }
        return PagePath.of(decode(tail));
    }

    /** Decodes a query or path value that was already percent-decoded by the server, validating it as a path. */
    public static PagePath ofParameter(String value) {
        return value == null ? PagePath.ROOT : PagePath.of(value.startsWith("/") ? value.substring(1) : value);
    }

    /** Percent-encodes a repository path for a URL, segment by segment, keeping '/'. */
    public static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw; // nothing escaped: Jetty already decoded the raw bytes as UTF-8 (checked above for U+FFFD)
        }
        byte[] source = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length);
        for (int i = 0; i < source.length; i++) {
            byte b = source[i];
            if (b == '%') {
                if (i + 2 >= source.length) {
                    throw new ApiException(ProblemType.INVALID_PATH, "truncated percent-escape in path");
                }
                int hi = Character.digit(source[i + 1], 16);
                int lo = Character.digit(source[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new ApiException(ProblemType.INVALID_PATH, "bad percent-escape in path");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return ContentBytes.utf8(out.toByteArray())
                .orElseThrow(() -> new ApiException(ProblemType.INVALID_PATH, "path is not valid UTF-8"));
    }
}
