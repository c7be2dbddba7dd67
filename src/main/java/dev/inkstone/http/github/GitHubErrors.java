package dev.inkstone.http.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inkstone.content.EditConflictException;
import dev.inkstone.content.InvalidPathException;
import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.PreconditionException;
import dev.inkstone.content.UnprocessableContentException;
import dev.inkstone.http.ApiException;
import dev.inkstone.http.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers this API's errors as GitHub writes them, the one exception to problem+json. Handlers translate whatever
 * they throw into a {@link GitHubException}, so the global problem+json mapping never sees it.
 */
final class GitHubErrors {

    static final String DOCUMENTATION_URL = "https://docs.github.com/rest";
    static final String JSON = "application/json; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(GitHubErrors.class);
    private static final String ANSWERED = GitHubErrors.class.getName();

    record Body(String message, @JsonProperty("documentation_url") String documentationUrl) {
    }

    private GitHubErrors() {
    }

    static void install(JavalinConfig config) {
        config.routes.exception(GitHubException.class, GitHubErrors::write);
        // Error handlers all run, in order: the problem+json one for 404 and 405 (installed earlier) rewrites any
        // answer that is not problem+json, so ours runs after it and puts GitHub's answer back.
        config.routes.error(404, "*", GitHubErrors::restore);
        config.routes.error(405, "*", GitHubErrors::restore);
    }

    static void write(GitHubException error, Context ctx) {
        ctx.attribute(ANSWERED, error);
        ctx.status(error.status());
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("ETag", null);
        ctx.contentType(JSON).result(Json.bytes(new Body(error.getMessage(), DOCUMENTATION_URL)));
    }

    private static void restore(Context ctx) {
        GitHubException answered = ctx.attribute(ANSWERED);
        if (answered != null) {
            write(answered, ctx);
        }
    }

    /** What a handler threw, as GitHub would have answered it. */
    static GitHubException translate(Exception e) {
        if (e instanceof GitHubException github) {
            return github;
        }
        if (e instanceof NotFoundException || e instanceof InvalidRefException) {
            return GitHubException.notFound();
        }
        if (e instanceof InvalidPathException || e instanceof UnprocessableContentException) {
            return GitHubException.invalid(e.getMessage());
        }
        if (e instanceof PreconditionException || e instanceof EditConflictException) {
            return new GitHubException(409, e.getMessage());
        }
        if (e instanceof ApiException api) {
            return switch (api.type()) {
                case UNAUTHORIZED -> new GitHubException(401, "Bad credentials");
                case INVALID_PATH -> GitHubException.invalid(api.getMessage());
                default -> new GitHubException(api.type().status(), api.getMessage());
            };
        }
        if (e instanceof HttpResponseException http) {
            return new GitHubException(http.getStatus(), http.getMessage());
        }
        LOG.error("unhandled error in the GitHub API", e);
        return new GitHubException(500, "Server Error");
    }
}
