package dev.inkstone.http;

/** The stable kinds of error the API answers with; the slug is part of the contract (the problem's {@code type}). */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    INVALID_PATH(400, "invalid-path", "Invalid path"),
    INVALID_REF(400, "invalid-ref", "Invalid ref"),
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter"),
    INVALID_URI(400, "invalid-uri", "Invalid URI"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    PAGE_NOT_FOUND(404, "page-not-found", "Page not found"),
    FILE_NOT_FOUND(404, "file-not-found", "File not found"),
    REF_NOT_FOUND(404, "ref-not-found", "Ref not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    EDIT_CONFLICT(409, "edit-conflict", "Edit conflict"),
    GONE(409, "gone", "Deleted or moved since your version"),
    ALREADY_EXISTS(409, "already-exists", "Already exists"),
    SECTION_NOT_EMPTY(409, "section-not-empty", "Section not empty"),
    UNKNOWN_BASE(409, "unknown-base", "Unknown base version"),
    REVERT_CONFLICT(409, "revert-conflict", "Revert conflict"),
    HISTORY_REWRITTEN(409, "history-rewritten", "History rewritten"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE_CONTENT(422, "unprocessable-content", "Unprocessable content"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL(500, "internal-error", "Internal server error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    /** Problem types are URIs; they identify the kind of error and need not resolve. */
    public static final String BASE = "https://inkstone.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The type Jetty's or Javalin's own errors map to when only a status is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE_CONTENT;
            case 428 -> PRECONDITION_REQUIRED;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
