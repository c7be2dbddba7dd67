package dev.inkstone.search;

import dev.inkstone.content.RenderedBody;
import dev.inkstone.content.TocItem;
import org.jsoup.Jsoup;

import java.util.List;
import java.util.regex.Pattern;

/** The words of a rendered page: its body as plain text (what a reader sees, no markup) and its headings. */
record PageText(String body, List<String> headings) {

    static final PageText NONE = new PageText("", List.of());
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static PageText of(RenderedBody body) {
        String text = Jsoup.parseBodyFragment(body.html()).text();
        // Code blocks keep their line breaks in text(); snippets read better as one line.
        return new PageText(SPACES.matcher(text).replaceAll(" ").strip(),
                body.toc().stream().map(TocItem::text).toList());
    }
}
