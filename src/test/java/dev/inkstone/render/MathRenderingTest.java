package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MathRenderingTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static String html(String markdown) {
        return RENDERER.render(markdown, 1, "").html();
    }

    @Test
    void inlineMathIsWrappedForTheClient() {
        assertThat(html("Energy $E=mc^2$ here.\n"))
                .isEqualTo("<p>Energy <span class=\"math math-inline\">$E=mc^2$</span> here.</p>\n");
    }

    @Test
    void mathUnderscoresAreNotEmphasis() {
        assertThat(html("$a_1 + b_2 = c_3$ and $x*y*z$\n"))
                .contains("<span class=\"math math-inline\">$a_1 + b_2 = c_3$</span>")
                .contains("<span class=\"math math-inline\">$x*y*z$</span>")
                .doesNotContain("<em>");
    }

    @Test
    void mathBackslashesAreNotEscapes() {
        assertThat(html("$\\{x\\} \\\\ \\alpha$\n"))
                .contains("<span class=\"math math-inline\">$\\{x\\} \\\\ \\alpha$</span>");
    }

    @Test
    void mathIsHtmlEscaped() {
        assertThat(html("$a<b & c>d$\n")).contains("<span class=\"math math-inline\">$a&lt;b &amp; c&gt;d$</span>");
    }

    @Test
    void pricesAreNotMath() {
        assertThat(html("It costs $ 5 and $ 6 today.\n")).doesNotContain("class=\"math");
        assertThat(html("Between $5 and $6 today.\n")).doesNotContain("class=\"math");
    }

    @Test
    void closingDollarFollowedByDigitDoesNotClose() {
        assertThat(html("$x$1 is not math\n")).doesNotContain("class=\"math");
    }

    @Test
    void escapedDollarIsText() {
        assertThat(html("\\$x$ stays\n")).isEqualTo("<p>$x$ stays</p>\n");
    }

    @Test
    void dollarsInCodeSpansStayCode() {
        assertThat(html("Run `echo $HOME` then `$x$`.\n"))
                .isEqualTo("<p>Run <code>echo $HOME</code> then <code>$x$</code>.</p>\n");
    }

    @Test
    void codeSpanAfterAnOpeningDollarIsNotSwallowed() {
        assertThat(html("costs $5, see `a$` b\n")).contains("<code>a$</code>").doesNotContain("class=\"math");
    }

    @Test
    void dollarsInFencedCodeStayCode() {
        assertThat(html("```\n$a_1$\n$$\n```\n")).isEqualTo("<pre><code>$a_1$\n$$\n</code></pre>\n");
    }

    @Test
    void displayBlockKeepsItsLines() {
        assertThat(html("Before:\n$$\n\\sum_{i=1}^n x_i\n\\\\ *y*\n$$\nAfter.\n"))
                .isEqualTo("<p>Before:</p>\n"
                        + "<div class=\"math math-display\">$$\n\\sum_{i=1}^n x_i\n\\\\ *y*\n$$</div>\n"
                        + "<p>After.</p>\n");
    }

    @Test
    void singleLineDisplayMathIsABlock() {
        assertThat(html("$$E = mc^2$$\n")).isEqualTo("<div class=\"math math-display\">$$E = mc^2$$</div>\n");
    }

    @Test
    void displayBlockMayCloseAtTheEndOfALine() {
        assertThat(html("$$\na = b \\\\\nc = d $$\n"))
                .isEqualTo("<div class=\"math math-display\">$$\na = b \\\\\nc = d $$</div>\n");
    }

    @Test
    void displayMathInsideAParagraphStaysInline() {
        assertThat(html("so $$x_1$$ holds\n"))
                .isEqualTo("<p>so <span class=\"math math-display\">$$x_1$$</span> holds</p>\n");
    }

    @Test
    void displayMathInsideBlockquote() {
        assertThat(html("> $$\n> a_1\n> $$\n")).contains("<div class=\"math math-display\">$$\na_1\n$$</div>");
    }

    @Test
    void unclosedDisplayMathRunsToTheEndWithAWarning() {
        RenderResult result = RENDERER.render("$$\na_1\n", 1, "");

        assertThat(result.html()).isEqualTo("<div class=\"math math-display\">$$\na_1\n$$</div>\n");
        assertThat(result.warnings()).singleElement().asString().contains("never closed");
    }

    @Test
    void mathInHeadingKeepsTexInTocText() {
        RenderResult result = RENDERER.render("## Loss $L_2$\n", 1, "");

        assertThat(result.toc()).containsExactly(new TocEntry(2, "loss-l_2", "Loss $L_2$"));
    }
}
