package dev.inkstone.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Answers errors that Jetty raises before any handler runs (an unparsable request line, bad percent-encoding,
 * invalid UTF-8, headers or bodies over the limit) as problem+json, without Jetty's HTML page or stack traces.
 */
public final class JettyProblemErrorHandler extends ErrorHandler {

    public JettyProblemErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int code, String message) {
        ProblemType type = ProblemType.forStatus(code);
        if (code == 400 && message != null && message.toLowerCase().contains("uri")) {
            type = ProblemType.INVALID_URI;
        }
        String detail = message == null || message.isBlank() ? type.title() : sanitize(message);
        return Json.bytes(ProblemDetail.withStatus(type, code, detail));
    }

    /** Jetty's reasons are short fixed phrases; keep them printable and brief. */
    private static String sanitize(String message) {
        String printable = message.replaceAll("[\\p{Cntrl}]", " ");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }

}
