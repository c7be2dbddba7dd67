package dev.inkstone.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Entities;

/**
 * Renders a Markdown body to sanitized HTML with heading ids, a table of contents and rewritten relative links.
 * Thread-safe; build once, since building flexmark's parser and renderer is the expensive part.
 */
public final class MarkdownRenderer {

    /**
     * Far above what real pages need (a 100 KiB page takes well under 100 ms; flexmark needs roughly 2 µs a
     * character), so only runaway input reaches it.
     */
    static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Parser parser;
    /** The same parser without the autolink extension, for bodies where it could find nothing (see below). */
    private final Parser parserWithoutAutolinks;
    private final HtmlRenderer renderer;
    final HtmlSanitizer sanitizer;
    private final long budgetNanos;

    public MarkdownRenderer() {
        this(Duration.ofNanos(BUDGET_NANOS));
    }

    /** A renderer with its own CPU budget per render, so tests can reach the fallback without a huge document. */
    MarkdownRenderer(Duration budget) {
        this(budget, true);
    }

    /**
     * @param skipIdleAutolinks parse bodies without any {@link AutolinkTriggers} without the autolink extension,
     *                          which scans every text node; false only in tests that prove it changes nothing
     */
    MarkdownRenderer(Duration budget, boolean skipIdleAutolinks) {
        this(budget, skipIdleAutolinks, new HtmlSanitizer());
    }

    /** With a sanitizer of the test's choosing (one that always runs jsoup, to compare with). */
    MarkdownRenderer(Duration budget, boolean skipIdleAutolinks, HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
        budgetNanos = budget.toNanos();
        MutableDataSet options = options(true);
        parser = parser(options);
        parserWithoutAutolinks = skipIdleAutolinks ? parser(options(false)) : parser;
        renderer = HtmlRenderer.builder(options).build();
    }

    private static MutableDataSet options(boolean autolinks) {
        MutableDataSet options = new MutableDataSet();
        List<Extension> extensions = new ArrayList<>(List.of(TablesExtension.create(),
                StrikethroughExtension.create(), TaskListExtension.create(), FootnoteExtension.create(),
                new MathExtension(), new PageHtmlExtension()));
        if (autolinks) {
            extensions.add(3, AutolinkExtension.create());
        }
        options.set(Parser.EXTENSIONS, extensions);
        // GitHub-flavoured tables.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // Ids come from PageOutline, which also feeds the table of contents.
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return options;
    }

    private static Parser parser(MutableDataSet options) {
        return Parser.builder(options)
                .customInlineParserFactory(BoundedInlineParser.FACTORY)
                // flexmark adds reference definitions ("[id]: url") only for its own inline parser.
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
                .build();
    }

    /**
     * @param body          the Markdown after the front matter
     * @param bodyStartLine 1-based line of the file where the body starts, so reported lines match the file
     * @param sourcePath    repository path of the Markdown file ("ai/agent/rag.md"), or "" for a page without one;
     *                      relative links resolve against its folder
     */
    public RenderResult render(String body, int bodyStartLine, String sourcePath) {
        BodyLimiter.LimitedBody limited = BodyLimiter.limit(body, bodyStartLine);
        List<String> warnings = new ArrayList<>(limited.warnings());
        try {
            RenderBudget budget = RenderBudget.start(budgetNanos);
            Parser chosen = AutolinkTriggers.present(limited.text()) ? parser : parserWithoutAutolinks;
            Document document = chosen.parse(BasedSequence.of(new BudgetedText(limited.text(), budget)));
            RawHtmlLimiter.Limited rawHtml = RawHtmlLimiter.limit(document);
            if (rawHtml.firstEscaped() >= 0) {
                warnings.add("too much raw HTML; the rest is shown as text (from line "
                        + limited.lines().fileLine(rawHtml.firstEscaped()) + ")");
            }
            for (InlineIssues.Issue issue : InlineIssues.of(document)) {
                warnings.add(issue.message() + " (line " + limited.lines().fileLine(issue.offset()) + ")");
            }
            LinkRewriter rewriter = new LinkRewriter(sourcePath);
            List<LocalLink> links = LinkCollector.collect(document, rewriter, limited.lines(), warnings);
            PageOutline outline = PageOutline.of(document);
            new PageContext(outline.ids(), rewriter).attachTo(document);
            String html = sanitizer.clean(renderer.render(document), rawHtml.rawHtml());
            return new RenderResult(html, outline.toc(), outline.firstHeading(), warnings, links);
        } catch (RenderBudget.Exceeded | StackOverflowError e) {
            warnings.add("the document is too complex to render; shown as plain text");
        } catch (RuntimeException e) {
            // flexmark has no documented failure modes; a page must still be served, so show its source instead.
            warnings.add("the document could not be rendered (" + e.getClass().getSimpleName()
                    + "); shown as plain text");
        }
        String html = "<pre>" + Entities.escape(limited.text()) + "</pre>";
        return new RenderResult(html, List.of(), null, warnings, List.of());
    }
}
