package dev.inkstone.http;

import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.PageService;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import io.javalin.http.Context;

import java.util.Optional;

/** {@code GET /api/pages/{path}}: a page as JSON. */
public final class PageController {

    public static final String PREFIX = "/api/pages";

    private final SiteService sites;
    private final PageService pages;
    private final ResponseCache cache;

    public PageController(SiteService sites, PageService pages, ResponseCache cache) {
        this.sites = sites;
        this.pages = pages;
        this.cache = cache;
    }

    public void get(Context ctx) {
        PagePath path = RequestPaths.after(ctx, PREFIX);
        Revision revision = sites.resolve(Params.ref(ctx));
        CachedResponse answer;
        try {
            answer = cache.get(revision, "page\u0000" + path, () -> pages.page(revision, path),
                    page -> !page.provisional());
        } catch (NotFoundException e) {
            // Only a missing page pays for the redirect lookup.
            Optional<String> moved = pages.redirect(revision, path);
            if (moved.isEmpty()) {
                throw e;
            }
            String query = ctx.queryString();
            ctx.header("Location", PREFIX + "/" + RequestPaths.encode(moved.get()) + (query == null ? "" : "?" + query));
            ctx.status(301);
            return;
        }
        Responses.write(ctx, revision, answer);
    }
}
