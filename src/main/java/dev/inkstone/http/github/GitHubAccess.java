package dev.inkstone.http.github;

import dev.inkstone.auth.Role;
import dev.inkstone.auth.User;
import dev.inkstone.http.Authenticator;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Who is calling, checked the way GitHub answers: a token that is sent but not valid is 401 "Bad credentials" on
 * every endpoint, a missing one 401 "Requires authentication" where one is needed.
 */
final class GitHubAccess {

    private final Authenticator auth;
    private final boolean publicReads;

    GitHubAccess(Authenticator auth, boolean publicReads) {
        this.auth = auth;
        this.publicReads = publicReads;
    }

    /** The caller, if a token was sent (it must be valid). */
    Optional<User> caller(Context ctx) {
        if (ctx.header("Authorization") == null) {
            return Optional.empty();
        }
        return Optional.of(auth.user(ctx).orElseThrow(() -> new GitHubException(401, "Bad credentials")));
    }

    User requireCaller(Context ctx) {
        return caller(ctx).orElseThrow(() -> new GitHubException(401, "Requires authentication"));
    }

    /** Reads follow {@code --read-access}: open, or any valid token. */
    Optional<User> checkRead(Context ctx) {
        Optional<User> user = caller(ctx);
        if (!publicReads && user.isEmpty()) {
            throw new GitHubException(401, "Requires authentication");
        }
        return user;
    }

    User requireWriter(Context ctx) {
        User user = requireCaller(ctx);
        if (!user.roleValue().allows(Role.EDITOR)) {
            throw new GitHubException(403, "Resource not accessible by personal access token");
        }
        return user;
    }

    boolean publicReads() {
        return publicReads;
    }
}
