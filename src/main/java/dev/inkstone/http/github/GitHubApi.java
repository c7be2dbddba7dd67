package dev.inkstone.http.github;

import dev.inkstone.config.GitHubSettings;
import dev.inkstone.config.HttpSettings;
import dev.inkstone.content.ContentWriter;
import dev.inkstone.content.SiteService;
import dev.inkstone.http.Authenticator;
import dev.inkstone.http.ReadRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

import java.util.List;

/**
 * The GitHub-compatible routes, mounted at {@code /} and at {@code /api/v3} (GitHub Enterprise's prefix, which many
 * clients expect), so a GitHub client moves over by changing its base URL. Every error is answered in GitHub's shape.
 */
public final class GitHubApi {

    /** GitHub Enterprise's API prefix. */
    public static final String ENTERPRISE_PREFIX = "/api/v3";
    private static final List<String> MOUNTS = List.of("", ENTERPRISE_PREFIX);

    private final GitHubSettings settings;
    private final String publicUrl;
    private final AccountController accounts;
    private final ContentsController contents;
    private final CommitsController commits;

    private interface Endpoint {
        void handle(GitHubRequest request);
    }

    private GitHubApi(SiteService sites, ContentWriter writer, Authenticator auth, HttpSettings http,
                      GitHubSettings settings) {
        GitHubAccess access = new GitHubAccess(auth, http.publicReads());
        this.settings = settings;
        this.publicUrl = http.publicUrl();
        this.accounts = new AccountController(sites, access, settings);
        this.contents = new ContentsController(sites, new FileWrites(sites, writer), access, http.fileBytes());
        this.commits = new CommitsController(sites, access);
    }

    public static void register(JavalinConfig config, SiteService sites, ContentWriter writer, Authenticator auth,
                                HttpSettings http, GitHubSettings settings) {
        new GitHubApi(sites, writer, auth, http, settings).routes(config);
    }

    /** Whether a request path is under the enterprise mount, whose reads this API checks itself. */
    public static boolean owns(String path) {
        return path.equals(ENTERPRISE_PREFIX) || path.startsWith(ENTERPRISE_PREFIX + "/");
    }

    private void routes(JavalinConfig config) {
        GitHubErrors.install(config);
        for (String mount : MOUNTS) {
            String repo = mount + "/repos/{owner}/{repo}";
            ReadRoutes.get(config, mount + "/user", endpoint(mount, false, accounts::user));
            ReadRoutes.get(config, repo, endpoint(mount, true, accounts::repository));
            ReadRoutes.get(config, repo + "/contents", endpoint(mount, true, contents::get));
            ReadRoutes.get(config, repo + "/contents/<path>", endpoint(mount, true, contents::get));
            config.routes.put(repo + "/contents/<path>", endpoint(mount, true, contents::put));
            config.routes.delete(repo + "/contents/<path>", endpoint(mount, true, contents::delete));
            ReadRoutes.get(config, repo + "/commits", endpoint(mount, true, commits::list));
            ReadRoutes.get(config, repo + "/commits/<ref>", endpoint(mount, true, commits::get));
        }
    }

    /** Checks the owner and repository names, and answers whatever goes wrong as GitHub would. */
    private Handler endpoint(String mount, boolean inRepository, Endpoint endpoint) {
        return ctx -> {
            try {
                if (inRepository && !(settings.owner().equalsIgnoreCase(ctx.pathParam("owner"))
                        && settings.repo().equalsIgnoreCase(ctx.pathParam("repo")))) {
                    throw GitHubException.notFound();
                }
                endpoint.handle(new GitHubRequest(ctx, mount, GitHubUrls.of(ctx, settings, publicUrl, mount)));
            } catch (Exception e) {
                throw GitHubErrors.translate(e);
            }
        };
    }
}
