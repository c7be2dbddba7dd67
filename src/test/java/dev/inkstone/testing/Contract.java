package dev.inkstone.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates every response a test receives against openapi.yaml. OpenAPI path templates cannot span several
 * segments, so the repository path after a known prefix is folded into one segment ({@code /} as {@code %2F})
 * before the operation is looked up; the document describes those parameters as containing slashes.
 */
public final class Contract implements Filter {

    public static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
            .build();

    private static final List<String> PATH_PREFIXES =
            List.of("/api/pages/", "/api/source/", "/api/files/", "/api/history/", "/api/diff/",
                    "/repos/inkstone/content/contents/", "/api/v3/repos/inkstone/content/contents/");

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext ctx) {
        Response answer = ctx.next(request, response);
        String path = URI.create(request.getURI()).getRawPath();
        ValidationReport report = validate(request.getMethod(), path, answer.getStatusCode(),
                answer.getContentType(), answer.asByteArray().length == 0 ? null : answer.asString(), answer);
        if (undocumentedRoute(report)) {
            // No operation to check against: all the contract says of unknown routes is "problem+json".
            if (answer.getStatusCode() < 400 || !String.valueOf(answer.getContentType()).startsWith("application/problem+json")) {
                throw new AssertionError(request.getMethod() + " " + path + " is not in openapi.yaml but answered "
                        + answer.getStatusCode() + " " + answer.getContentType());
            }
            return answer;
        }
        if (report.hasErrors()) {
            throw new AssertionError("response of " + request.getMethod() + " " + path + " breaks openapi.yaml:\n"
                    + report.getMessages());
        }
        return answer;
    }

    private static boolean undocumentedRoute(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    /** Checks one response; exposed so a canary test can prove a wrong body is caught. */
    public static ValidationReport validate(String method, String rawPath, int status, String contentType,
                                            String body, Response headersFrom) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        if (contentType != null && !contentType.isEmpty()) {
            builder.withContentType(contentType);
        }
        if (body != null) {
            builder.withBody(body);
        }
        if (headersFrom != null) {
            headersFrom.getHeaders().forEach(header -> builder.withHeader(header.getName(), header.getValue()));
        }
        return VALIDATOR.validateResponse(operationPath(rawPath), Request.Method.valueOf(method), builder.build());
    }

    static String operationPath(String rawPath) {
        for (String prefix : PATH_PREFIXES) {
            if (rawPath.startsWith(prefix) && rawPath.length() > prefix.length()) {
                return prefix + rawPath.substring(prefix.length()).replace("/", "%2F");
            }
        }
        return rawPath;
    }
}
