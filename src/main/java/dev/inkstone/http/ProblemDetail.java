package dev.inkstone.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem document, with extension members where a client can act on them (e.g. a conflict). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail"})
public final class ProblemDetail {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ProblemType type;
    private final int status;
    private final String detail;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private ProblemDetail(ProblemType type, int status, String detail) {
        this.type = type;
        this.status = status;
        this.detail = detail;
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return new ProblemDetail(type, type.status(), detail);
    }

    /** For errors whose status Jetty chose. */
    static ProblemDetail withStatus(ProblemType type, int status, String detail) {
        return new ProblemDetail(type, status, detail);
    }

    public ProblemDetail with(String name, Object value) {
        if (value != null) {
            extensions.put(name, value);
        }
        return this;
    }

    public String getType() {
        return type.uri();
    }

    public String getTitle() {
        return type.title();
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
