package dev.inkstone.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemDetail of(ProblemType type, String detail, String instance) {
        return new ProblemDetail(type.uri(), type.title(), type.status(), detail, instance);
    }
}
