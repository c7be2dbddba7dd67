package dev.inkstone.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code next} of a result page: the score and path of its last hit. Results are ordered by score, then
 * path, so the next page starts right after that pair, whatever Lucene did to its document numbers meanwhile.
 */
final class SearchCursor {

    private static final String VERSION = "s1";

    private SearchCursor() {
    }

    static String encode(float score, String path) {
        String raw = VERSION + ":" + Integer.toHexString(Float.floatToIntBits(score)) + ":" + path;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position to search after; the document number is last in every tie, so the hit itself is skipped. */
    static FieldDoc decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            float score = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
            if (Float.isNaN(score)) {
                throw new IllegalArgumentException("not a score");
            }
            return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {score, new BytesRef(parts[2])});
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("cursor is not one this service issued: '" + cursor + "'");
        }
    }
}
