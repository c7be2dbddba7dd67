package dev.inkstone.render;

import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Safelist;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Proves that HTML flexmark wrote by itself (a Markdown body without raw HTML) is already what the sanitizer would
 * keep, so that the renderer can skip jsoup's parse, clean and serialize (a seventh of a commit's CPU at 10,000
 * pages: the answer to every edit renders its page). The check is strict and refuses anything it does not expect: every
 * {@code <} must open or close a tag the safelist allows, written the way flexmark writes tags (lower case, double
 * quoted attribute values, void elements closed with {@code />}); every attribute must be one the safelist keeps,
 * URLs must pass its protocol check and the sanitizer's own scheme check after entity decoding (as a browser reads
 * them); no tag may carry attributes the safelist enforces (jsoup would add them); tags must balance and nest less
 * deeply than jsoup's parser allows. Text between tags is flexmark's escaped text: it cannot open a tag, and a
 * {@code <} in it would be checked as one. Anything else answers null and the caller sanitizes as before.
 */
final class GeneratedHtml {

    private static final Set<String> VOID = Set.of("br", "hr", "img", "input");

    private final Safelist safelist;
    private final String baseUri;
    private final int maxDepth;
    private final Predicate<String> allowedUrl;
    /**
     * Whether the safelist keeps an attribute that is not a URL, by tag and name ("h2 id"). Its value cannot matter:
     * the safelist reads values only for protocol checks, which it has for URL attributes alone, and for enforced
     * attributes, whose tags never get here. Asking jsoup builds an element per attribute: 2.5 % of all CPU under 8
     * writers on 10,000 pages (a JFR profile, bench notes in the README), for a few dozen distinct answers.
     */
    private final Map<String, Boolean> keptByName = new ConcurrentHashMap<>();
    /** Bounds {@link #keptByName}: flexmark writes a few dozen tag and attribute pairs. */
    private static final int MAX_REMEMBERED = 512;

    GeneratedHtml(Safelist safelist, String baseUri, int maxDepth, Predicate<String> allowedUrl) {
        this.safelist = safelist;
        this.baseUri = baseUri;
        this.maxDepth = maxDepth;
        this.allowedUrl = allowedUrl;
    }

    /**
     * The HTML as the sanitizer would keep it, or null if it cannot prove that. The one change is the spelling of
     * void elements: flexmark closes them XML style ({@code <hr />}), jsoup and HTML5 do not ({@code <hr>}), and a
     * page must not change spelling with whether it has raw HTML.
     */
    String asKept(String html) {
        int length = html.length();
        int depth = 0;
        StringBuilder respelled = null;
        int copied = 0;
        int at = html.indexOf('<');
        while (at >= 0) {
            int i = at + 1;
            boolean closing = i < length && html.charAt(i) == '/';
            if (closing) {
                i++;
            }
            int nameStart = i;
            while (i < length && isNameChar(html.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return null;
            }
            String tag = html.substring(nameStart, i);
            if (!safelist.isSafeTag(tag) || !safelist.getEnforcedAttributes(tag).isEmpty()) {
                return null;
            }
            if (closing) {
                if (i >= length || html.charAt(i) != '>' || VOID.contains(tag) || --depth < 0) {
                    return null;
                }
                at = html.indexOf('<', i + 1);
                continue;
            }
            int end = attributesEnd(html, i, tag);
            if (end < 0) {
                return null;
            }
            if (html.charAt(end - 1) == '/') {
                int slash = html.charAt(end - 2) == ' ' ? end - 2 : end - 1;
                respelled = respelled == null ? new StringBuilder(length) : respelled;
                respelled.append(html, copied, slash);
                copied = end;
            } else if (!VOID.contains(tag) && ++depth >= maxDepth) {
                return null;
            }
            at = html.indexOf('<', end + 1);
        }
        if (depth != 0) {
            return null;
        }
        return respelled == null ? html : respelled.append(html, copied, length).toString();
    }

    /** Checks the attributes from {@code i} on; the index of the tag's closing {@code >}, or -1 if refused. */
    private int attributesEnd(String html, int i, String tag) {
        int length = html.length();
        while (true) {
            int spaces = i;
            while (i < length && html.charAt(i) == ' ') {
                i++;
            }
            if (i >= length) {
                return -1;
            }
            char c = html.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '/') {
                // Only a void element may close itself: "<p/>" is an open p to a browser, not an empty one.
                return VOID.contains(tag) && i + 1 < length && html.charAt(i + 1) == '>' ? i + 1 : -1;
            }
            if (i == spaces) {
                return -1; // attributes are separated by a space
            }
            int nameStart = i;
            while (i < length && (isNameChar(html.charAt(i)) || html.charAt(i) == '-')) {
                i++;
            }
            if (i == nameStart) {
                return -1;
            }
            String name = html.substring(nameStart, i);
            String value = "";
            if (i < length && html.charAt(i) == '=') {
                if (i + 1 >= length || html.charAt(i + 1) != '"') {
                    return -1;
                }
                int close = html.indexOf('"', i + 2);
                if (close < 0) {
                    return -1;
                }
                value = Parser.unescapeEntities(html.substring(i + 2, close), true);
                i = close + 1;
            }
            if (!safeAttribute(tag, name, value)) {
                return -1;
            }
        }
    }

    private boolean safeAttribute(String tag, String name, String value) {
        if (!HtmlSanitizer.URL_ATTRIBUTES.contains(name)) {
            String key = tag + ' ' + name;
            Boolean kept = keptByName.get(key);
            if (kept == null) {
                kept = safelistKeeps(tag, name, value);
                if (keptByName.size() < MAX_REMEMBERED) {
                    keptByName.put(key, kept);
                }
            }
            return kept;
        }
        return safelistKeeps(tag, name, value) && allowedUrl.test(value);
    }

    private boolean safelistKeeps(String tag, String name, String value) {
        Element element = new Element(Tag.valueOf(tag), baseUri);
        element.attr(name, value);
        return safelist.isSafeAttribute(tag, element, element.attribute(name));
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
