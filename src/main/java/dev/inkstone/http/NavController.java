package dev.inkstone.http;

import dev.inkstone.content.NavService;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import io.javalin.http.Context;

/** {@code GET /api/nav}: the navigation tree, a subtree, a cut tree or the flat list. */
public final class NavController {

    private final SiteService sites;
    private final NavService nav;
    private final ResponseCache cache;

    public NavController(SiteService sites, NavService nav, ResponseCache cache) {
        this.sites = sites;
        this.nav = nav;
        this.cache = cache;
    }

    public void get(Context ctx) {
        PagePath root = RequestPaths.ofParameter(ctx.queryParam("root"));
        Integer depth = Params.integer(ctx, "depth", 0, 1000);
        boolean flat = Params.bool(ctx, "flat");
        Revision revision = sites.resolve(Params.ref(ctx));
        String key = "nav\u0000" + root + '\u0000' + depth + '\u0000' + flat;
        Responses.write(ctx, revision, cache.get(revision, key,
                () -> flat ? nav.flat(revision, root) : nav.tree(revision, root, depth)));
    }
}
