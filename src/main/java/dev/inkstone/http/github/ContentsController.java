package dev.inkstone.http.github;

import dev.inkstone.auth.User;
import dev.inkstone.content.CommitInfo;
import dev.inkstone.content.FolderEntry;
import dev.inkstone.content.PagePath;
import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SiteBuilder;
import dev.inkstone.content.SitePage;
import dev.inkstone.content.SiteService;
import dev.inkstone.content.TreeEntry;
import dev.inkstone.http.Authenticator;
import dev.inkstone.http.Bodies;
import io.javalin.http.Context;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
        Revision revision = request.resolve(sites, ref);
        String readAt = ref != null ? ref : sites.store().branch();
        Site site = sites.site(revision);
        TreeEntry file = site.files().get(path);
        ContentFormat format = ContentFormat.of(ctx.header("Accept"));
        if (file != null) {
            byte[] bytes = sites.store().blob(file.blobId()).orElseThrow(GitHubException::notFound);
            switch (format) {
                case RAW -> raw(ctx, bytes);
                case HTML -> html(ctx, site, path, bytes);
                default -> request.json(200, ContentObjects.file(
                        new ContentObjects.Location(path, file.blobId(), false, htmlUrl(site, path, request.urls(), ref)),
                        bytes, request.urls(), ref, readAt));
            }
            return;
        }
        List<FolderEntry> entries = sites.store().folder(revision, path).orElseThrow(GitHubException::notFound);
        request.json(200, entries.stream().map(entry -> ContentObjects.entry(
                new ContentObjects.Location(entry.path(), entry.id(), entry.kind() == FolderEntry.Kind.FOLDER,
                        htmlUrl(site, entry, request.urls(), ref)),
                type(entry.kind()), entry.size(), request.urls(), ref, readAt)).toList());
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
        String stored = PagePath.of(path).value();
        String branch = sites.store().branch();
        ContentObjects.Entry entry = ContentObjects.entry(new ContentObjects.Location(stored, blobId(content), false,
                htmlUrl(sites.site(new Revision(written.outcome().commit().sha(), false)), stored, request.urls(), null)),
                "file", content.length, request.urls(), null, branch);
        request.json(written.created() ? 201 : 200, new Written(entry, commit(written, request)));
    }

    void delete(GitHubRequest request) {
        Context ctx = request.ctx();
        User user = access.requireWriter(ctx);
        String path = request.contentPath();
        ContentsRequests.Write body = ContentsRequests.parse(Bodies.read(ctx, bodyLimit()));
        request.checkBranch(sites, body.branch());
        String message = ContentsRequests.message(body);
        FileWrites.Written written = writes.delete(path, ContentsRequests.sha(body), message,
                ContentsRequests.author(body, Authenticator.person(user)));
        request.json(200, new Written(null, commit(written, request)));
    }

    /** Base64 makes a file a third larger; the rest of the JSON is small. */
    private long bodyLimit() {
        return (fileBytes + 2) / 3 * 4 + (1 << 20);
    }

    private CommitObjects.GitCommit commit(FileWrites.Written written, GitHubRequest request) {
        CommitInfo commit = written.outcome().commit();
        return CommitObjects.git(sites.store().log(commit.sha(), null, 0, 1).commits().get(0), request.urls());
    }

    private static void raw(Context ctx, byte[] bytes) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(ContentFormat.RAW.mediaType() + (isText(bytes) ? "; charset=utf-8" : "")).result(bytes);
    }

    /** Markdown rendered as the page API renders it; other files have no HTML form and are answered raw. */
    private void html(Context ctx, Site site, String path, byte[] bytes) {
        if (!path.endsWith(".md")) {
            raw(ctx, bytes);
            return;
        }
        String html = page(site, path).map(page -> sites.body(site, page).html())
                .orElseGet(() -> sites.render(sites.headerOf(path, new String(bytes, StandardCharsets.UTF_8)), path)
                        .html());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(ContentFormat.HTML.mediaType() + "; charset=utf-8").result(html);
    }

    /** The page a Markdown file is the source of, if it is one (a shadowed {@code x.md} is not). */
    private static Optional<SitePage> page(Site site, String path) {
        if (!path.endsWith(".md")) {
            return Optional.empty();
        }
        return site.page(SiteBuilder.pagePathOf(path))
                .filter(page -> path.equals(page.sourcePath()));
    }

    /** A page's native URL for Markdown sources and sections, the file's URL for anything else. */
    private static String htmlUrl(Site site, String path, GitHubUrls urls, String ref) {
        return page(site, path).map(page -> urls.page(page.path())).orElseGet(() -> urls.download(path, ref));
    }

    private static String htmlUrl(Site site, FolderEntry entry, GitHubUrls urls, String ref) {
        return switch (entry.kind()) {
            case FILE -> htmlUrl(site, entry.path(), urls, ref);
            case FOLDER -> site.page(entry.path()).map(page -> urls.page(page.path())).orElse(null);
            case SYMLINK, SUBMODULE -> null;
        };
    }

    private static String type(FolderEntry.Kind kind) {
        return switch (kind) {
            case FILE -> "file";
            case FOLDER -> "dir";
            case SYMLINK -> "symlink";
            case SUBMODULE -> "submodule";
        };
    }

    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The Git blob id the bytes get: SHA-1 over "blob <length>\0" and the bytes. */
    static String blobId(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
