package dev.inkstone.http;

import dev.inkstone.content.PageService;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import io.javalin.http.Context;

/** {@code GET /api/problems}: every content problem of a revision. */
public final class ProblemsController {

    private final SiteService sites;
    private final PageService pages;
    private final ResponseCache cache;

    public ProblemsController(SiteService sites, PageService pages, ResponseCache cache) {
        this.sites = sites;
        this.pages = pages;
        this.cache = cache;
    }

    public void get(Context ctx) {
        Revision revision = sites.resolve(Params.ref(ctx));
        Responses.write(ctx, revision, cache.get(revision, "problems", () -> pages.problems(revision)));
    }
}
