package dev.inkstone.search;

import dev.inkstone.content.RenderedBody;
import dev.inkstone.content.SitePage;
import dev.inkstone.content.SiteService;
import dev.inkstone.content.TocItem;
import dev.inkstone.content.TreeEntry;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Pattern;

/** The words of a rendered page: its body as plain text (what a reader sees, no markup) and its headings. */
record PageText(String body, List<String> headings) {

    static final PageText NONE = new PageText("", List.of());
    private static final Logger LOG = LoggerFactory.getLogger(PageText.class);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static PageText of(RenderedBody body) {
        String text = Jsoup.parseBodyFragment(body.html()).text();
        // Code blocks keep their line breaks in text(); snippets read better as one line.
        return new PageText(SPACES.matcher(text).replaceAll(" ").strip(),
                body.toc().stream().map(TocItem::text).toList());
    }

    /**
     * The text of a page as the service renders it; none for a generated section. Rendered afresh, not through the
     * page cache, so that a build does not crowd the pages readers want out of it.
     */
    static PageText render(SiteService sites, SitePage page) {
        return text(sites, page, false);
    }

    /**
     * The same, through the page cache: for the few pages a commit changed, which readers (and the editor who
     * wrote them, whose answer renders the page too) are about to want.
     */
    static PageText renderCached(SiteService sites, SitePage page) {
        return text(sites, page, true);
    }

    private static PageText text(SiteService sites, SitePage page, boolean cached) {
        if (page.generated()) {
            return NONE;
        }
        try {
            if (cached) {
                return of(sites.body(page));
            }
            TreeEntry source = new TreeEntry(page.sourcePath(), page.blobId(), TreeEntry.Kind.FILE);
            return of(sites.render(sites.header(source), page.sourcePath()));
        } catch (RuntimeException e) {
            LOG.warn("could not render {} for the search index; indexed without its body", page.sourcePath(), e);
            return NONE;
        }
    }
}
