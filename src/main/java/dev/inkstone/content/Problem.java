package dev.inkstone.content;

/** A content problem of one revision: it never breaks the service, it is reported. */
public record Problem(String file, Integer line, String kind, String message) {

    public static final String FRONT_MATTER = "front-matter";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String SHADOWED_PAGE = "shadowed-page";
    public static final String BROKEN_LINK = "broken-link";
    public static final String SYMLINK = "symlink";
    public static final String SUBMODULE = "submodule";
    public static final String RENDER_LIMIT = "render-limit";
    public static final String NOT_UTF8 = "not-utf8";

    /** How a warning reads on the page it concerns. */
    public String asWarning() {
        return line == null ? kind + ": " + message : kind + " (line " + line + "): " + message;
    }
}
