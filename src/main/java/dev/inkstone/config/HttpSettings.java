package dev.inkstone.config;

import java.util.List;

/**
 * How the HTTP face behaves: who may call it from browsers, whether reads need a token, body limits, and the
 * public base URL for absolute links (null: taken from each request's Host).
 */
public record HttpSettings(List<String> corsOrigins, boolean publicReads, long pageBytes, long fileBytes,
                           String publicUrl) {

    public static final long DEFAULT_PAGE_BYTES = 2L << 20;
    public static final long DEFAULT_FILE_BYTES = 20L << 20;

    public HttpSettings {
        corsOrigins = List.copyOf(corsOrigins);
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        if (pageBytes <= 0 || fileBytes <= 0) {
            throw new IllegalArgumentException("body limits must be positive");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(List.of(), true, DEFAULT_PAGE_BYTES, DEFAULT_FILE_BYTES, null);
    }

    public HttpSettings withCors(List<String> origins) {
        return new HttpSettings(origins, publicReads, pageBytes, fileBytes, publicUrl);
    }
}
