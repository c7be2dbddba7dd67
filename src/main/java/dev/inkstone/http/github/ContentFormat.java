package dev.inkstone.http.github;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The form of a file a client asks for with GitHub's media types: the JSON object, the raw bytes, or HTML. */
enum ContentFormat {
    JSON("application/json"),
    RAW("application/vnd.github.raw"),
    HTML("application/vnd.github.html");

    private static final Pattern GITHUB_TYPE = Pattern.compile("application/vnd\\.github(?:\\.v3)?\\.(raw|html)");

    private final String mediaType;

    ContentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** {@code application/vnd.github.raw}, {@code .v3.raw}, {@code .raw+json} and the same for html; else JSON. */
    static ContentFormat of(String accept) {
        if (accept == null) {
            return JSON;
        }
        Matcher matcher = GITHUB_TYPE.matcher(accept.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return JSON;
        }
        return matcher.group(1).equals("raw") ? RAW : HTML;
    }
}
