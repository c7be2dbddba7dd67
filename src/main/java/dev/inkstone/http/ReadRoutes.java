package dev.inkstone.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/**
 * A read route answers HEAD too, with GET's status and headers and no body (RFC 9110 §9.3.2): clients check a
 * page's ETag or existence that way. Javalin sends HEAD only to HEAD handlers (without one it answered 200 and
 * nothing, even for a missing page), so both are registered with the same handler.
 */
public final class ReadRoutes {

    private ReadRoutes() {
    }

    public static void get(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, handler);
        config.routes.head(path, handler);
    }
}
