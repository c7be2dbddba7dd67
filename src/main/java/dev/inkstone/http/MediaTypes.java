package dev.inkstone.http;

import java.util.Locale;
import java.util.Map;

/** Media types for repository files by extension; unknown files are served as opaque bytes. */
final class MediaTypes {

    static final String MARKDOWN = "text/markdown; charset=utf-8";
    private static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("md", MARKDOWN),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("yml", "application/yaml"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("zip", "application/zip"),
            // Served as text so a browser never runs a repository's HTML or scripts on the API's origin.
            Map.entry("html", "text/plain; charset=utf-8"),
            Map.entry("htm", "text/plain; charset=utf-8"),
            Map.entry("js", "text/plain; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"));

    private MediaTypes() {
    }

    static String of(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return OCTET_STREAM;
        }
        return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }
}
