package dev.inkstone.http;

import dev.inkstone.auth.Role;
import dev.inkstone.content.ChangedFile;
import dev.inkstone.content.CommitSummary;
import dev.inkstone.content.HistoryService;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Person;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import io.javalin.http.Context;

import java.util.List;

/** History endpoints: page history, diffs, commits, restores, reverts and the change feed. */
public final class HistoryController {

    public static final String HISTORY_PREFIX = "/api/history";
    public static final String DIFF_PREFIX = "/api/diff";
    private static final int DEFAULT_LIMIT = 20;

    private final SiteService sites;
    private final HistoryService history;
    private final Authenticator auth;
    private final long bodyLimit;

    public HistoryController(SiteService sites, HistoryService history, Authenticator auth, long bodyLimit) {
        this.sites = sites;
        this.history = history;
        this.auth = auth;
        this.bodyLimit = bodyLimit;
    }

    public void pageHistory(Context ctx) {
        PagePath path = RequestPaths.after(ctx, HISTORY_PREFIX);
        int limit = limit(ctx);
        Revision revision = sites.resolve(Params.ref(ctx));
        Responses.write(ctx, revision, CachedResponse.json(
                history.pageHistory(revision, path, limit, blank(ctx.queryParam("cursor")))));
    }

    public void diff(Context ctx) {
        PagePath path = RequestPaths.after(ctx, DIFF_PREFIX);
        String to = blank(ctx.queryParam("to"));
        Revision revision = sites.resolve(to);
        Responses.write(ctx, revision, CachedResponse.json(history.diff(path, blank(ctx.queryParam("from")), to)));
    }

    public void commit(Context ctx) {
        CommitSummary commit = history.commit(ctx.pathParam("id"));
        Responses.write(ctx, new Revision(commit.commit(), true), CachedResponse.json(commit));
    }

    public void changes(Context ctx) {
        Revision tip = sites.resolve(Params.ref(ctx));
        String since = blank(ctx.queryParam("since"));
        if (since != null) {
            List<ChangedFile> files = history.since(since, tip);
            Responses.write(ctx, tip, CachedResponse.json(new Since(sites.resolve(since).commit(), tip.commit(),
                    HistoryService.pagesOf(files), files)));
            return;
        }
        int limit = limit(ctx);
        String cursor = blank(ctx.queryParam("cursor"));
        List<CommitSummary> commits = history.recent(tip, limit + 1, cursor);
        boolean more = commits.size() > limit;
        List<Change> items = commits.stream().limit(limit)
                .map(c -> new Change(c.commit(), c.message(), c.author(), c.date(),
                        HistoryService.pagesOf(c.files()), c.files()))
                .toList();
        String next = more ? items.get(items.size() - 1).commit() : null;
        Responses.write(ctx, tip, CachedResponse.json(new Changes(tip.commit(), items, next)));
    }

    public void restore(Context ctx) {
        Person author = Authenticator.person(auth.require(ctx, Role.EDITOR));
        WriteRequests.Restore body = Bodies.json(ctx, bodyLimit, WriteRequests.Restore.class);
        PagePath path = PagePath.of(Bodies.required(body.path(), "path"));
        String ref = Bodies.required(body.ref(), "ref");
        ctx.contentType(CachedResponse.JSON).result(Json.bytes(
                history.restore(path, ref, blank(body.sha()), body.message(), author)));
    }

    public void revert(Context ctx) {
        Person author = Authenticator.person(auth.require(ctx, Role.EDITOR));
        String message = null;
        if (ctx.req().getContentLengthLong() > 0) {
            message = Bodies.json(ctx, bodyLimit, WriteRequests.Revert.class).message();
        }
        ctx.contentType(CachedResponse.JSON).result(Json.bytes(history.revert(ctx.pathParam("id"), message, author)));
    }

    private static int limit(Context ctx) {
        Integer limit = Params.integer(ctx, "limit", 1, 100);
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** One commit of the change feed. */
    record Change(String commit, String message, Person author, String date, List<HistoryService.PageChange> pages,
                  List<ChangedFile> files) {
    }

    record Changes(String revision, List<Change> items, String next) {
    }

    record Since(String since, String revision, List<HistoryService.PageChange> pages, List<ChangedFile> files) {
    }
}
