package dev.inkstone.http.github;

import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import dev.inkstone.http.Json;
import dev.inkstone.http.RequestPaths;
import io.javalin.http.Context;

/** One call to the GitHub API: the mount it came through, the links it answers with, its path and refs. */
record GitHubRequest(Context ctx, String mount, GitHubUrls urls) {

    private static final String CONTENTS = "/contents";

    /**
     * The repository path after {@code /contents}, decoded strictly from the raw URI ({@code %2F} is '/', as Octokit
     * sends it); "" for the root folder.
     */
    String contentPath() {
        String raw = ctx.req().getRequestURI();
        int owner = mount.length() + "/repos/".length();
        int repo = raw.indexOf('/', owner) + 1;
        int contents = raw.indexOf('/', repo);
        if (repo == 0 || contents < 0 || !raw.startsWith(CONTENTS, contents)) {
            throw GitHubException.notFound();
        }
        return RequestPaths.after(ctx, raw.substring(0, contents + CONTENTS.length())).value();
    }

    /** A query parameter; empty counts as absent. */
    String query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The commit to read: {@code ref} (a commit id, branch or tag), else the served branch. */
    Revision resolve(SiteService sites, String ref) {
        try {
            return sites.resolve(ref);
        } catch (NotFoundException | InvalidRefException e) {
            throw new GitHubException(404, ref == null ? "Git Repository is empty." : "No commit found for the ref "
                    + ref);
        }
    }

    /** Writes go to the served branch; GitHub answers 404 for a branch that does not exist. */
    void checkBranch(SiteService sites, String branch) {
        if (branch == null || branch.isEmpty() || branch.equals(sites.store().branch())) {
            return;
        }
        try {
            sites.resolve(branch);
        } catch (NotFoundException | InvalidRefException e) {
            throw new GitHubException(404, "Branch " + branch + " not found");
        }
        throw GitHubException.invalid("this server commits only to the branch \"" + sites.store().branch()
                + "\", not to \"" + branch + "\".");
    }

    void json(int status, Object body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept, Authorization");
        ctx.contentType(GitHubErrors.JSON).result(Json.bytes(body));
    }
}
