package dev.inkstone.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An answer body ready to write, with its strong validator. */
public record CachedResponse(byte[] body, String etag, String contentType) {

    public static final String JSON = "application/json";

    /** A JSON body whose ETag is a strong hash of its bytes. */
    public static CachedResponse json(Object value) {
        byte[] body = Json.bytes(value);
        return new CachedResponse(body, "\"" + sha256(body).substring(0, 32) + "\"", JSON);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
