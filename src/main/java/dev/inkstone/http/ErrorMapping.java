package dev.inkstone.http;

import dev.inkstone.content.EditConflictException;
import dev.inkstone.content.HistoryRewrittenException;
import dev.inkstone.content.RevertConflictException;
import dev.inkstone.content.InvalidPathException;
import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.PreconditionException;
import dev.inkstone.content.UnprocessableContentException;
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
        config.routes.exception(PreconditionException.class, (e, ctx) -> write(ctx, ProblemDetail
                .of(preconditionType(e.reason()), e.getMessage())
                .with("path", e.path()).with("sha", e.currentSha()).with("location", e.location())));
        config.routes.exception(EditConflictException.class, (e, ctx) -> write(ctx, ProblemDetail
                .of(ProblemType.EDIT_CONFLICT, e.getMessage())
                .with("path", e.path()).with("sha", e.currentSha()).with("conflicts", e.regions())));
        config.routes.exception(UnprocessableContentException.class, (e, ctx) -> write(ctx, ProblemDetail
                .of(ProblemType.UNPROCESSABLE_CONTENT, e.getMessage())
                .with("line", e.line()).with("column", e.column())));
        config.routes.exception(RevertConflictException.class, (e, ctx) -> write(ctx, ProblemDetail
                .of(ProblemType.REVERT_CONFLICT, e.getMessage()).with("paths", e.paths())));
        config.routes.exception(HistoryRewrittenException.class, (e, ctx) ->
                write(ctx, ProblemType.HISTORY_REWRITTEN, e.getMessage()));
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

    private static ProblemType preconditionType(PreconditionException.Reason reason) {
        return switch (reason) {
            case STRICT_MISMATCH -> ProblemType.PRECONDITION_FAILED;
            case REQUIRED -> ProblemType.PRECONDITION_REQUIRED;
            case GONE -> ProblemType.GONE;
            case EXISTS -> ProblemType.ALREADY_EXISTS;
            case NOT_EMPTY -> ProblemType.SECTION_NOT_EMPTY;
            case UNKNOWN_BASE -> ProblemType.UNKNOWN_BASE;
        };
    }

    public static void write(Context ctx, ProblemType type, String detail) {
        write(ctx, ProblemDetail.of(type, detail));
    }

    public static void write(Context ctx, ProblemDetail problem) {
        ctx.status(problem.getStatus());
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("ETag", null);
        ctx.contentType(ProblemDetail.MEDIA_TYPE).result(Json.bytes(problem));
    }
}
