package dev.inkstone.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Makes heading anchors that are stable, readable in any script and unique within one page.
 *
 * <p>Letters and digits of every script are kept, so Chinese headings keep their Han characters; Latin letters are
 * lower-cased; whitespace runs become "-"; other punctuation is dropped. Repeats get "-1", "-2" … suffixes.
 * Not thread-safe: one instance per page.
 */
final class HeadingIds {

    static final String EMPTY = "section";

    private final Set<String> used = new HashSet<>();
    /** The next suffix to try for each base, so a thousand equal headings do not retry a thousand suffixes each. */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    /** The next unique id for a heading with this plain text. */
    String next(String text) {
        String base = slug(text);
        String id = base;
        int suffix = nextSuffix.getOrDefault(base, 1);
        while (!used.add(id)) {
            id = base + "-" + suffix++;
        }
        nextSuffix.put(base, suffix);
        return id;
    }

    static String slug(String text) {
        StringBuilder slug = new StringBuilder();
        boolean inSpace = false;
        String trimmed = text.strip();
        for (int i = 0; i < trimmed.length(); ) {
            int codePoint = trimmed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                if (!inSpace) {
                    slug.append('-');
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            if (Character.isLetterOrDigit(codePoint)) {
                boolean latin = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
                slug.appendCodePoint(latin ? Character.toLowerCase(codePoint) : codePoint);
            } else if (codePoint == '-' || codePoint == '_') {
                slug.appendCodePoint(codePoint);
            }
        }
        return slug.length() == 0 ? EMPTY : slug.toString();
    }
}
