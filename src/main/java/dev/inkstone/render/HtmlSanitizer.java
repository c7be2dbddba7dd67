package dev.inkstone.render;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans rendered HTML with jsoup: only the elements and attributes Markdown, footnotes, task lists and math produce,
 * and only http, https, mailto or relative URLs. Raw HTML written in the Markdown goes through the same filter.
 * Thread-safe.
 */
final class HtmlSanitizer {

    /** Relative links are checked against this base and then kept exactly as written. */
    private static final String BASE_URI = "https://inkstone.invalid/";
    private static final int MAX_DEPTH = 128;
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    /** Attributes that hold URLs; both the jsoup path and {@link GeneratedHtml} check their schemes. */
    static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\x00-\\x20\\x7f]+");

    private final Safelist safelist;
    private final GeneratedHtml generated;
    private final boolean keepGenerated;
    /** How many renders skipped jsoup (tests check that the fast path is taken, not only that it is right). */
    final LongAdder keptAsGenerated = new LongAdder();

    HtmlSanitizer() {
        this(true);
    }

    /** @param keepGenerated skip jsoup for HTML that {@link GeneratedHtml} proves clean; false only in tests */
    HtmlSanitizer(boolean keepGenerated) {
        this.keepGenerated = keepGenerated;
        safelist = Safelist.relaxed()
                .addTags("del", "s", "hr", "input", "section")
                .addAttributes("h1", "id")
                .addAttributes("h2", "id")
                .addAttributes("h3", "id")
                .addAttributes("h4", "id")
                .addAttributes("h5", "id")
                .addAttributes("h6", "id")
                .addAttributes("sup", "id", "class")
                .addAttributes("li", "id", "class")
                .addAttributes("a", "class")
                .addAttributes("code", "class")
                .addAttributes("pre", "class")
                .addAttributes("span", "class")
                .addAttributes("div", "class")
                .addAttributes("ol", "class")
                .addAttributes("section", "class")
                .addAttributes("hr", "class")
                .addAttributes("input", "type", "checked", "disabled", "class")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                // Checkboxes only ever show task state; they must never become a form control.
                .addEnforcedAttribute("input", "type", "checkbox")
                .addEnforcedAttribute("input", "disabled", "disabled")
                .removeProtocols("a", "href", "ftp")
                .preserveRelativeLinks(true);
        generated = new GeneratedHtml(safelist, BASE_URI, MAX_DEPTH, HtmlSanitizer::isAllowedUrl);
    }

    /**
     * The HTML as the sanitizer keeps it. Without raw HTML in the Markdown, flexmark wrote every tag itself: if
     * {@link GeneratedHtml} proves the sanitizer would keep all of it, it is returned as written (the same elements,
     * attributes and text; void tags spelled as jsoup spells them; only escapes in text may be spelled differently).
     */
    String clean(String html, boolean rawHtml) {
        String kept = keepGenerated && !rawHtml ? generated.asKept(html) : null;
        if (kept != null) {
            keptAsGenerated.increment();
            return kept;
        }
        return cleanWithJsoup(html);
    }

    private String cleanWithJsoup(String html) {
        Document dirty = Document.createShell(BASE_URI);
        // Deep raw-HTML nesting costs jsoup time per element; nothing legitimate nests this deep.
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        dirty.body().appendChildren(parser.parseFragmentInput(html, dirty.body(), BASE_URI));
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        // jsoup already refuses these; a second, independent check costs little and guards against its edge cases.
        // A walk over the elements, not select("[href], [src], [cite]"): that parses its query on every call.
        for (Element element : clean.body().getAllElements()) {
            if (element.attributesSize() == 0) {
                continue;
            }
            for (String attribute : URL_ATTRIBUTES) {
                if (element.hasAttr(attribute) && !isAllowedUrl(element.attr(attribute))) {
                    element.removeAttr(attribute);
                }
            }
        }
        return clean.body().html();
    }

    /** Reads a URL the way a browser does, ignoring control characters and spaces, and checks its scheme. */
    static boolean isAllowedUrl(String url) {
        String squeezed = IGNORED_BY_BROWSERS.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
        Matcher scheme = SCHEME.matcher(squeezed);
        return !scheme.find() || SCHEMES.contains(scheme.group(1));
    }
}
