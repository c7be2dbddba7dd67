package dev.inkstone.http;

import dev.inkstone.content.NotFoundException;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SitePage;
import dev.inkstone.content.SiteService;
import dev.inkstone.content.TreeEntry;
import io.javalin.http.Context;

/** {@code GET /api/source/{path}} and {@code GET /api/files/{path}}: stored bytes, validated by their blob id. */
public final class RawController {

    public static final String SOURCE_PREFIX = "/api/source";
    public static final String FILES_PREFIX = "/api/files";

    private final SiteService sites;

    public RawController(SiteService sites) {
        this.sites = sites;
    }

    public void source(Context ctx) {
        PagePath path = RequestPaths.after(ctx, SOURCE_PREFIX);
        Revision revision = sites.resolve(Params.ref(ctx));
        Site site = sites.site(revision);
        SitePage page = site.page(path.value()).filter(p -> !p.generated())
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE,
                        "no Markdown source for a page at '" + path + "'"));
        write(ctx, revision, page.blobId(), MediaTypes.MARKDOWN);
    }

    public void file(Context ctx) {
        PagePath path = RequestPaths.after(ctx, FILES_PREFIX);
        Revision revision = sites.resolve(Params.ref(ctx));
        TreeEntry entry = sites.site(revision).files().get(path.value());
        if (entry == null) {
            throw new NotFoundException(NotFoundException.What.FILE, "no file at '" + path + "'");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        write(ctx, revision, entry.blobId(), MediaTypes.of(path.value()));
    }

    private void write(Context ctx, Revision revision, String blobId, String contentType) {
        String etag = "\"" + blobId + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", revision.pinned() ? Responses.IMMUTABLE : Responses.REVALIDATE);
        if (Responses.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        byte[] bytes = sites.store().blob(blobId)
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.FILE, "object " + blobId + " is missing"));
        ctx.contentType(contentType);
        Responses.writeBody(ctx, bytes);
    }
}
