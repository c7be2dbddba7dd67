package dev.inkstone.http;

import dev.inkstone.content.InvalidPathException;
import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.NotFoundException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception a handler throws into problem+json, in one place; no stack trace reaches a client. */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.type(), e.getMessage()));
        config.routes.exception(InvalidPathException.class,
                (e, ctx) -> write(ctx, ProblemType.INVALID_PATH, e.getMessage()));
        config.routes.exception(InvalidRefException.class,
                (e, ctx) -> write(ctx, ProblemType.INVALID_REF, e.getMessage()));
        config.routes.exception(NotFoundException.class, (e, ctx) -> write(ctx, switch (e.what()) {
            case PAGE -> ProblemType.PAGE_NOT_FOUND;
            case FILE -> ProblemType.FILE_NOT_FOUND;
            case REF -> ProblemType.REF_NOT_FOUND;
        }, e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, ProblemType.forStatus(e.getStatus()), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, ProblemType.INTERNAL, "the server failed to answer this request; the error has been logged");
        });
        config.routes.error(404, "*", ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, ProblemType.NOT_FOUND, "no resource at " + ctx.path());
            }
        });
        config.routes.error(405, "*", ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(ProblemDetail.MEDIA_TYPE);
    }

    public static void write(Context ctx, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.of(type, detail, null);
        ctx.status(type.status());
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("ETag", null);
        ctx.contentType(ProblemDetail.MEDIA_TYPE).result(Json.bytes(problem));
    }
}
