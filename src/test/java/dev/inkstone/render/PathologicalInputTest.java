package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hostile or broken input must come back quickly, without overflowing the stack or the heap. */
class PathologicalInputTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final Duration SAFETY_NET = Duration.ofSeconds(10);

    private static RenderResult render(String markdown) {
        return assertTimeoutPreemptively(SAFETY_NET, () -> RENDERER.render(markdown, 1, "a/b.md"));
    }

    @Test
    void hundredThousandBlockquotesAreCut() {
        RenderResult result = render("> ".repeat(100_000));

        assertThat(result.warnings()).contains("nesting too deep, cut at line 1");
        assertThat(countOf(result.html(), "<blockquote>")).isEqualTo(NestingLimiter.MAX_DEPTH);
    }

    @Test
    void cutBlockquoteKeepsItsText() {
        RenderResult result = render("> ".repeat(40_000) + "deep text");

        assertThat(result.html()).contains("<p>deep text</p>");
        assertThat(countOf(result.html(), "<blockquote>")).isEqualTo(NestingLimiter.MAX_DEPTH);
    }

    @Test
    void deepListMarkersOnOneLineAreCut() {
        RenderResult result = render("- ".repeat(40_000) + "x");

        assertThat(result.warnings()).anyMatch(warning -> warning.startsWith("nesting too deep"));
        assertThat(countOf(result.html(), "<ul>")).isEqualTo(NestingLimiter.MAX_DEPTH);
    }

    @Test
    void fiftyThousandNestedListItemsAreCut() {
        StringBuilder markdown = new StringBuilder();
        for (int level = 0; level < 50_000; level++) {
            markdown.append(" ".repeat(Math.min(2 * level, 200))).append("- item\n");
        }

        RenderResult result = render(markdown.toString());

        assertThat(result.warnings()).anyMatch(warning -> warning.startsWith("nesting too deep, cut at line 33"));
        assertThat(countOf(result.html(), "<ul>")).isLessThanOrEqualTo(NestingLimiter.MAX_DEPTH);
    }

    @Test
    void nestingWithinTheLimitIsUntouched() {
        RenderResult result = render("> ".repeat(NestingLimiter.MAX_DEPTH) + "x");

        assertThat(result.warnings()).isEmpty();
        assertThat(countOf(result.html(), "<blockquote>")).isEqualTo(NestingLimiter.MAX_DEPTH);
    }

    @Test
    void hundredThousandOpenBracketsRenderAsText() {
        RenderResult result = render("[".repeat(100_000));

        assertThat(result.html()).startsWith("<p>[[[");
    }

    @Test
    void hundredThousandAlternatingStarsRenderAsText() {
        RenderResult result = render("*a".repeat(100_000));

        assertThat(result.html()).startsWith("<p>");
    }

    @Test
    void deeplyNestedEmphasisDoesNotOverflow() {
        RenderResult result = render("*".repeat(50_000) + "a" + "*".repeat(50_000));

        assertThat(result.html()).contains("a");
    }

    @Test
    void separatedNestedEmphasisDoesNotOverflow() {
        RenderResult result = render("*a ".repeat(20_000) + "b" + " c*".repeat(20_000));

        assertThat(result.html()).contains("b");
    }

    @Test
    void nestedImagesInLinksDoNotOverflow() {
        RenderResult result = render("[![".repeat(3_000) + "a" + "](u)](u)".repeat(3_000));

        assertThat(result.warnings()).anyMatch(warning -> warning.startsWith("inline formatting nested too deeply"));
    }

    @Test
    void longThematicBreakStaysABreak() {
        assertThat(render("* ".repeat(50_000)).html()).isEqualTo("<hr>\n");
        assertThat(render("_".repeat(50_000)).html()).isEqualTo("<hr>\n");
    }

    @Test
    void longRunOfUnderscoresBeforeTextStaysText() {
        RenderResult result = render("_".repeat(50_000) + "a");

        assertThat(result.html()).startsWith("<p>____").endsWith("_a</p>\n");
    }

    @Test
    void fiveMegabyteLineIsTruncated() {
        RenderResult result = render("x".repeat(5_000_000));

        assertThat(result.warnings()).contains("line 1 is longer than 100000 characters; truncated");
        assertThat(result.html()).hasSize("<p></p>\n".length() + BodyLimiter.MAX_LINE_CHARS);
    }

    @Test
    void oversizedBodyIsTruncatedAtALineEnd() {
        String paragraph = "word ".repeat(19) + "word\n\n";
        int paragraphs = BodyLimiter.MAX_BODY_CHARS / paragraph.length() + 100;

        BodyLimiter.LimitedBody limited = BodyLimiter.limit(paragraph.repeat(paragraphs), 1);

        int keptLines = limited.text().split("\n", -1).length;
        assertThat(limited.text()).hasSizeLessThanOrEqualTo(BodyLimiter.MAX_BODY_CHARS).startsWith("word word");
        assertThat(keptLines).isGreaterThan(2 * (paragraphs - 200));
        assertThat(limited.warnings()).containsExactly(
                "document is larger than 2 MiB; truncated after line " + keptLines);
    }

    @Test
    void runawayRenderFallsBackToPlainText() {
        MarkdownRenderer impatient = new MarkdownRenderer(Duration.ofNanos(1));

        RenderResult result = assertTimeoutPreemptively(SAFETY_NET,
                () -> impatient.render("# T\n\n" + "[a](b".repeat(5_000) + "\n\n<b>x</b>", 1, "a.md"));

        assertThat(result.html()).startsWith("<pre># T\n\n[a](b").endsWith("&lt;b&gt;x&lt;/b&gt;</pre>");
        assertThat(result.warnings()).contains("the document is too complex to render; shown as plain text");
        assertThat(result.toc()).isEmpty();
    }

    @Test
    void manyDollarSignsStayLinear() {
        assertThat(render("$a ".repeat(30_000)).html()).doesNotContain("class=\"math");
    }

    @Test
    void unclosedLinksAreBounded() {
        assertThat(render("[a](b".repeat(4_000)).html()).startsWith("<p>[a](b[a](b");
    }

    @Test
    void entitiesAndTagsParseInLinearTime() {
        assertThat(render("&amp;".repeat(20_000)).html()).startsWith("<p>&amp;&amp;");
        assertThat(render("<b>x</b>".repeat(12_000)).html()).startsWith("<p><b>x</b>");
    }

    @Test
    void deeplyNestedRawHtmlIsBounded() {
        assertThat(render("<div>\n".repeat(50_000)).html()).startsWith("<div>");
        assertThat(render("<table><tr><td>".repeat(10_000)).html()).isNotEmpty();
    }

    @Test
    void longLinkTitleDoesNotOverflowTheRegexEngine() {
        assertThat(render("[a](u \"" + "x".repeat(90_000) + "\")").html()).isNotEmpty();
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
