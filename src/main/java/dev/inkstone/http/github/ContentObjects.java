package dev.inkstone.http.github;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Base64;

/** GitHub's content objects: a file with its content, and the entry form used in listings and write answers. */
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

    /** Where a file or folder can be reached; {@code htmlUrl} may be null. */
    record Location(String path, String sha, boolean folder, String htmlUrl) {

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    static FileContent file(Location file, byte[] bytes, GitHubUrls urls, String ref, String servedRef) {
        Entry entry = entry(file, "file", bytes.length, urls, ref, servedRef);
        return new FileContent("file", "base64", bytes.length, entry.name(), entry.path(), base64Lines(bytes),
                entry.sha(), entry.url(), entry.gitUrl(), entry.htmlUrl(), entry.downloadUrl(), entry.links());
    }

    /**
     * @param ref the ref the client named, or null
     * @param servedRef the ref the answer was read at (the client's or the served branch), for the self links
     */
    static Entry entry(Location location, String type, long size, GitHubUrls urls, String ref, String servedRef) {
        String self = urls.contents(location.path(), servedRef);
        String git = location.folder() ? urls.tree(location.sha()) : urls.blob(location.sha());
        String download = type.equals("file") ? urls.download(location.path(), ref) : null;
        return new Entry(type, size, location.name(), location.path(), location.sha(), self, git,
                location.htmlUrl(), download, new Links(self, git, location.htmlUrl()));
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
}
