package dev.inkstone.http.github;

import dev.inkstone.auth.Role;
import dev.inkstone.auth.User;
import dev.inkstone.config.GitHubSettings;
import dev.inkstone.content.SiteService;

/** {@code GET /user} (the token's user) and {@code GET /repos/{owner}/{repo}} (the served repository). */
final class AccountController {

    private final SiteService sites;
    private final GitHubAccess access;
    private final GitHubSettings settings;

    AccountController(SiteService sites, GitHubAccess access, GitHubSettings settings) {
        this.sites = sites;
        this.access = access;
        this.settings = settings;
    }

    void user(GitHubRequest request) {
        User user = access.requireCaller(request.ctx());
        request.json(200, new AccountObjects.User(user.name(), AccountObjects.id("user:" + user.name()), "User",
                user.roleValue().allows(Role.ADMIN), user.name(), user.email()));
    }

    void repository(GitHubRequest request) {
        AccountObjects.Permissions permissions = access.checkRead(request.ctx()).map(user -> {
            Role role = user.roleValue();
            boolean admin = role.allows(Role.ADMIN);
            boolean push = role.allows(Role.EDITOR);
            return new AccountObjects.Permissions(admin, admin, push, push, true);
        }).orElse(null);
        String fullName = settings.owner() + "/" + settings.repo();
        boolean isPrivate = !access.publicReads();
        request.json(200, new AccountObjects.Repository(AccountObjects.id("repo:" + fullName), settings.repo(),
                fullName, new AccountObjects.Owner(settings.owner(), AccountObjects.id("owner:" + settings.owner()),
                "Organization"), isPrivate, isPrivate ? "private" : "public", request.urls().page(""), null, false,
                request.urls().repository(), sites.store().branch(), permissions));
    }
}
