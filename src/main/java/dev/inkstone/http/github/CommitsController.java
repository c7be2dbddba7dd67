package dev.inkstone.http.github;

import dev.inkstone.content.CommitLogPage;
import dev.inkstone.content.ContentStore;
import dev.inkstone.content.InvalidRefException;
import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /repos/{owner}/{repo}/commits}: the log (of a path), paged with GitHub's Link header, and one commit. */
final class CommitsController {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 100;

    private final SiteService sites;
    private final GitHubAccess access;

    CommitsController(SiteService sites, GitHubAccess access) {
        this.sites = sites;
        this.access = access;
    }

    void list(GitHubRequest request) {
        access.checkRead(request.ctx());
        String sha = request.query("sha");
        Revision revision = resolve(sha, 404);
        String path = request.query("path");
        path = path == null ? null : PagePath.of(path).value();
        int perPage = Math.min(MAX_PER_PAGE, number(request.query("per_page"), DEFAULT_PER_PAGE));
        int page = number(request.query("page"), 1);
        long skip = (long) (page - 1) * perPage;
        CommitLogPage log = skip > Integer.MAX_VALUE ? new CommitLogPage(List.of(), false)
                : store().log(revision.commit(), path, (int) skip, perPage);
        String link = link(request, page, log.more());
        if (!link.isEmpty()) {
            request.ctx().header("Link", link);
        }
        request.json(200, log.commits().stream().map(entry -> CommitObjects.item(entry, request.urls())).toList());
    }

    void get(GitHubRequest request) {
        access.checkRead(request.ctx());
        Revision revision = resolve(request.ctx().pathParam("ref"), 422);
        CommitLogPage.Entry entry = store().log(revision.commit(), null, 0, 1).commits().get(0);
        List<String> parents = entry.commit().parents();
        String parent = parents.isEmpty() ? null : parents.get(0);
        request.json(200, CommitObjects.full(entry, store().changes(parent, revision.commit()), request.urls()));
    }

    private Revision resolve(String ref, int status) {
        try {
            return sites.resolve(ref);
        } catch (NotFoundException | InvalidRefException e) {
            throw new GitHubException(status, "No commit found for SHA: " + ref);
        }
    }

    private ContentStore store() {
        return sites.store();
    }

    /** GitHub ignores a page number it cannot read and uses its default. */
    private static int number(String raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            return value >= 1 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** RFC 8288 links to the neighbouring pages, keeping the client's other parameters, as GitHub sends them. */
    private static String link(GitHubRequest request, int page, boolean more) {
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(pageLink(request, page - 1, "prev"));
        }
        if (more) {
            links.add(pageLink(request, page + 1, "next"));
        }
        if (page > 1) {
            links.add(pageLink(request, 1, "first"));
        }
        return String.join(", ", links);
    }

    private static String pageLink(GitHubRequest request, int page, String rel) {
        StringBuilder url = new StringBuilder(request.urls().repository()).append("/commits?");
        for (Map.Entry<String, List<String>> param : request.ctx().queryParamMap().entrySet()) {
            if (param.getKey().equals("page")) {
                continue;
            }
            for (String value : param.getValue()) {
                url.append(GitHubUrls.query(param.getKey())).append('=').append(GitHubUrls.query(value)).append('&');
            }
        }
        url.append("page=").append(page);
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
