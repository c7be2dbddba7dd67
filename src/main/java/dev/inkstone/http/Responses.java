package dev.inkstone.http;

import dev.inkstone.content.Revision;
import io.javalin.http.Context;

import java.io.IOException;

/** Writes cacheable answers: validators, revalidation or immutability, and 304 for a matching If-None-Match. */
public final class Responses {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private Responses() {
    }

    public static void write(Context ctx, Revision revision, CachedResponse response) {
        ctx.header("ETag", response.etag());
        ctx.header("Cache-Control", revision.pinned() ? IMMUTABLE : REVALIDATE);
        if (matches(ctx.header("If-None-Match"), response.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(response.contentType());
        writeBody(ctx, response.body());
    }

    /**
     * Writes ready bytes straight to the response stream (through Javalin's compression, as a result would go).
     * {@code ctx.result(bytes)} has Javalin copy them through a fresh buffer of its response buffer size, 32 KiB by
     * default, on every request: most of what a cached page read allocated, a young collection every 43 ms under
     * load on 10,000 pages (195 ms after; bench/probe_reads.py with -Xlog:gc).
     */
    static void writeBody(Context ctx, byte[] body) {
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            // The client has gone; there is nobody left to answer, as when Javalin's own copy of a result fails.
        }
    }

    /** RFC 9110 weak comparison, as If-None-Match requires; "*" matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
