package dev.inkstone.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the hand-written contract, served as it is. */
public final class OpenApiController {

    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not on the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void get(Context ctx) {
        ctx.header("ETag", "\"" + CachedResponse.sha256(document).substring(0, 32) + "\"");
        ctx.contentType("application/yaml").result(document);
    }
}
