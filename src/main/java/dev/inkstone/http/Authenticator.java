package dev.inkstone.http;

import dev.inkstone.auth.Role;
import dev.inkstone.auth.User;
import dev.inkstone.auth.UserStore;
import dev.inkstone.content.Person;
import io.javalin.http.Context;

import java.util.Optional;

/** Bearer tokens ({@code Bearer …}, and GitHub clients' {@code token …}) checked against the users file. */
public final class Authenticator {

    private final UserStore users;
    private final boolean publicReads;

    public Authenticator(UserStore users, boolean publicReads) {
        this.users = users;
        this.publicReads = publicReads;
    }

    public Optional<User> user(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String token = header.substring(space + 1).trim();
        if (!(scheme.equalsIgnoreCase("bearer") || scheme.equalsIgnoreCase("token")) || token.isEmpty()) {
            return Optional.empty();
        }
        return users.authenticate(token);
    }

    /** The user behind the request, who must hold {@code role}; 401 or 403 otherwise. */
    public User require(Context ctx, Role role) {
        User user = user(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"inkstone\"");
            return new ApiException(ProblemType.UNAUTHORIZED, ctx.header("Authorization") == null
                    ? "this needs a bearer token (Authorization: Bearer …)" : "the token is not valid");
        });
        if (!user.roleValue().allows(role)) {
            throw new ApiException(ProblemType.FORBIDDEN, "user '" + user.name() + "' is a " + user.role()
                    + "; this needs the " + role.id() + " role");
        }
        return user;
    }

    /** Reads are open unless the service runs with {@code --read-access token}. */
    public void checkRead(Context ctx) {
        if (!publicReads) {
            require(ctx, Role.READER);
        }
    }

    public static Person person(User user) {
        return new Person(user.name(), user.email());
    }
}
