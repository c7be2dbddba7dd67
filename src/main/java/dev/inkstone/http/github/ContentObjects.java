package dev.inkstone.http.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inkstone.content.FolderEntry;
import dev.inkstone.content.Site;
import dev.inkstone.content.SiteBuilder;
import dev.inkstone.content.SitePage;

import java.util.Base64;
import java.util.Optional;

/**
 * GitHub's content objects: a file with its content, and the entry form used in folder listings and write answers.
 * Their {@code html_url} is the page a Markdown source renders (or a section's page), else the file itself.
 */
final class ContentObjects {

    private static final int LINE = 60;

    private ContentObjects() {
    }

    record Links(String self, String git, String html) {
    }

    /** A file with its bytes, as {@code GET /contents/{path}} answers for a file. */
    record FileContent(String type, String encoding, long size, String name, String path, String content, String sha,
                       String url, @JsonProperty("git_url") String gitUrl, @JsonProperty("html_url") String htmlUrl,
                       @JsonProperty("download_url") String downloadUrl, @JsonProperty("_links") Links links) {
    }

    /** A file or folder without content: a directory listing's item, and the {@code content} of a write answer. */
    record Entry(String type, long size, String name, String path, String sha, String url,
                 @JsonProperty("git_url") String gitUrl, @JsonProperty("html_url") String htmlUrl,
                 @JsonProperty("download_url") String downloadUrl, @JsonProperty("_links") Links links) {
    }

    /**
     * Where an answer points: the links of the request, the ref the client named (null: none, so download links
     * follow the branch) and the ref the answer was read at (the client's, else the served branch).
     */
    record Context(GitHubUrls urls, String ref, String readAt) {
    }

    static FileContent file(Site site, String path, String sha, byte[] bytes, Context at) {
        Entry entry = entry("file", path, sha, bytes.length, htmlUrl(site, path, at), at);
        return new FileContent("file", "base64", bytes.length, entry.name(), entry.path(), base64Lines(bytes),
                entry.sha(), entry.url(), entry.gitUrl(), entry.htmlUrl(), entry.downloadUrl(), entry.links());
    }

    static Entry entry(Site site, FolderEntry entry, Context at) {
        return switch (entry.kind()) {
            case FILE -> entry("file", entry.path(), entry.id(), entry.size(), htmlUrl(site, entry.path(), at), at);
            case FOLDER -> entry("dir", entry.path(), entry.id(), 0,
                    site.page(entry.path()).map(page -> at.urls().page(page.path())).orElse(null), at);
            case SYMLINK -> entry("symlink", entry.path(), entry.id(), entry.size(), null, at);
            case SUBMODULE -> entry("submodule", entry.path(), entry.id(), 0, null, at);
        };
    }

    /** A file as a write left it. */
    static Entry written(Site site, String path, String sha, long size, Context at) {
        return entry("file", path, sha, size, htmlUrl(site, path, at), at);
    }

    /** The page a Markdown file is the source of, if it is one (a shadowed {@code x.md} is not). */
    static Optional<SitePage> pageOf(Site site, String path) {
        if (!path.endsWith(".md")) {
            return Optional.empty();
        }
        return site.page(SiteBuilder.pagePathOf(path)).filter(page -> path.equals(page.sourcePath()));
    }

    /** Base64 as GitHub formats it: a line break after every 60 characters, including the last line. */
    static String base64Lines(byte[] bytes) {
        String encoded = Base64.getEncoder().encodeToString(bytes);
        StringBuilder lines = new StringBuilder(encoded.length() + encoded.length() / LINE + 1);
        for (int start = 0; start < encoded.length(); start += LINE) {
            lines.append(encoded, start, Math.min(start + LINE, encoded.length())).append('\n');
        }
        return lines.toString();
    }

    private static Entry entry(String type, String path, String sha, long size, String htmlUrl, Context at) {
        GitHubUrls urls = at.urls();
        String self = urls.contents(path, at.readAt());
        String git = type.equals("dir") ? urls.tree(sha) : urls.blob(sha);
        String download = type.equals("file") ? urls.download(path, at.ref()) : null;
        return new Entry(type, size, path.substring(path.lastIndexOf('/') + 1), path, sha, self, git, htmlUrl,
                download, new Links(self, git, htmlUrl));
    }

    private static String htmlUrl(Site site, String path, Context at) {
        return pageOf(site, path).map(page -> at.urls().page(page.path()))
                .orElseGet(() -> at.urls().download(path, at.ref()));
    }
}
