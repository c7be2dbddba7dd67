package dev.inkstone.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.inkstone.content.ContentBytes;
import dev.inkstone.content.UnprocessableContentException;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies under a limit, refusing an oversized one (413) from its Content-Length before reading it,
 * or as soon as a body without one passes the limit; and parses JSON bodies strictly.
 */
public final class Bodies {

    private Bodies() {
    }

    public static byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, limit)));
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T json(Context ctx, long limit, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !(contentType.toLowerCase().startsWith("application/json")
                || contentType.toLowerCase().matches("application/[a-z.+-]*\\+json.*"))) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json, got " + (contentType == null ? "no Content-Type" : contentType));
        }
        byte[] body = read(ctx, limit);
        if (body.length == 0) {
            throw new ApiException(ProblemType.BAD_REQUEST, "the request needs a JSON body");
        }
        if (ContentBytes.utf8(body).isEmpty()) {
            throw new UnprocessableContentException("the body is not valid UTF-8");
        }
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(ProblemType.BAD_REQUEST, "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw new ApiException(ProblemType.BAD_REQUEST, "a field has the wrong type: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(ProblemType.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field the request must carry. */
    public static <T> T required(T value, String name) {
        if (value == null) {
            throw new ApiException(ProblemType.BAD_REQUEST, "missing field '" + name + "'");
        }
        return value;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than the limit of " + limit
                + " bytes");
    }
}
