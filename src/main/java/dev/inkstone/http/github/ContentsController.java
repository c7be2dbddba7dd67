package dev.inkstone.http.github;

import dev.inkstone.auth.User;
import dev.inkstone.content.ContentBytes;
import dev.inkstone.content.FolderEntry;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SiteService;
import dev.inkstone.content.TreeEntry;
import dev.inkstone.http.Authenticator;
import dev.inkstone.http.Bodies;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /repos/{owner}/{repo}/contents/{path}}: read a file or folder, create or update a file, delete it. */
final class ContentsController {

    private final SiteService sites;
    private final FileWrites writes;
    private final GitHubAccess access;
    private final long fileBytes;

    /** A write's answer: the file as it now is (null after a delete) and the commit. */
    record Written(ContentObjects.Entry content, CommitObjects.GitCommit commit) {
    }

    ContentsController(SiteService sites, FileWrites writes, GitHubAccess access, long fileBytes) {
        this.sites = sites;
        this.writes = writes;
        this.access = access;
        this.fileBytes = fileBytes;
    }

    void get(GitHubRequest request) {
        Context ctx = request.ctx();
        access.checkRead(ctx);
        String path = request.contentPath();
        String ref = request.query("ref");
        Site site = sites.site(request.resolve(sites, ref));
        ContentObjects.Context at = new ContentObjects.Context(request.urls(), ref,
                ref != null ? ref : sites.store().branch());
        TreeEntry file = site.files().get(path);
        if (file == null) {
            List<FolderEntry> entries = sites.store().folder(site.revision(), path)
                    .orElseThrow(GitHubException::notFound);
            request.json(200, entries.stream().map(entry -> ContentObjects.entry(site, entry, at)).toList());
            return;
        }
        byte[] bytes = sites.store().blob(file.blobId()).orElseThrow(GitHubException::notFound);
        switch (ContentFormat.of(ctx.header("Accept"))) {
            case RAW -> raw(ctx, bytes);
            case HTML -> html(ctx, site, path, bytes);
            case JSON -> request.json(200, ContentObjects.file(site, path, file.blobId(), bytes, at));
        }
    }

    void put(GitHubRequest request) {
        Context ctx = request.ctx();
        User user = access.requireWriter(ctx);
        String path = request.contentPath();
        ContentsRequests.Write body = ContentsRequests.parse(Bodies.read(ctx, bodyLimit()));
        String message = ContentsRequests.message(body);
        byte[] content = ContentsRequests.content(body);
        if (content.length > fileBytes) {
            throw new GitHubException(413, "the file is larger than the limit of " + fileBytes + " bytes");
        }
        request.checkBranch(sites, body.branch());
        FileWrites.Written written = writes.put(path, content, ContentsRequests.sha(body), message,
                ContentsRequests.author(body, Authenticator.person(user)));
        Site after = sites.site(new Revision(written.outcome().commit().sha(), false));
        ContentObjects.Entry file = ContentObjects.written(after, PagePath.of(path).value(), ContentBytes.blobId(content),
                content.length, new ContentObjects.Context(request.urls(), null, sites.store().branch()));
        request.json(written.created() ? 201 : 200, new Written(file, commit(written, request)));
    }

    void delete(GitHubRequest request) {
        Context ctx = request.ctx();
        User user = access.requireWriter(ctx);
        String path = request.contentPath();
        ContentsRequests.Write body = ContentsRequests.parse(Bodies.read(ctx, bodyLimit()));
        String message = ContentsRequests.message(body);
        request.checkBranch(sites, body.branch());
        FileWrites.Written written = writes.delete(path, ContentsRequests.sha(body), message,
                ContentsRequests.author(body, Authenticator.person(user)));
        request.json(200, new Written(null, commit(written, request)));
    }

    /** Base64 makes a file a third larger; the rest of the JSON is small. */
    private long bodyLimit() {
        return (fileBytes + 2) / 3 * 4 + (1 << 20);
    }

    private CommitObjects.GitCommit commit(FileWrites.Written written, GitHubRequest request) {
        String sha = written.outcome().commit().sha();
        return CommitObjects.git(sites.store().log(sha, null, 0, 1).commits().get(0), request.urls());
    }

    private static void raw(Context ctx, byte[] bytes) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(ContentFormat.RAW.mediaType() + (Bytes.isText(bytes) ? "; charset=utf-8" : "")).result(bytes);
    }

    /** Markdown rendered as the page API renders it; other files have no HTML form and are answered raw. */
    private void html(Context ctx, Site site, String path, byte[] bytes) {
        if (!path.endsWith(".md")) {
            raw(ctx, bytes);
            return;
        }
        String html = ContentObjects.pageOf(site, path).map(page -> sites.body(site, page).html())
                .orElseGet(() -> sites.render(sites.headerOf(path, new String(bytes, StandardCharsets.UTF_8)), path)
                        .html());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(ContentFormat.HTML.mediaType() + "; charset=utf-8").result(html);
    }
}
