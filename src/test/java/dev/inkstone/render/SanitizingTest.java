package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizingTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static String html(String markdown) {
        return RENDERER.render(markdown, 1, "ai/agent/rag.md").html();
    }

    private static void assertNoScript(String html) {
        assertThat(html.toLowerCase())
                .doesNotContain("javascript:")
                .doesNotContain("vbscript:")
                .doesNotContain("data:")
                .doesNotContain("<script")
                .doesNotContain("onerror")
                .doesNotContain("onclick")
                .doesNotContain("onload");
    }

    @Test
    void javascriptMarkdownLinkIsRemoved() {
        String html = html("[x](javascript:alert(1))\n");

        assertNoScript(html);
        assertThat(html).doesNotContain("href");
    }

    @Test
    void entityEncodedJavascriptUrlIsRemoved() {
        String html = html("[a](&#106;avascript:alert(1)) [b](&#x6A;avascript:alert(1)) "
                + "[c](&#0000106;avascript:alert(1))\n");

        assertNoScript(html);
        assertThat(html).doesNotContain("href");
    }

    @Test
    void tabInsideSchemeIsStillJavascript() {
        String html = html("[a](java&#x09;script:alert(1)) [b](java&#x0A;script:alert(1)) "
                + "<a href=\"java&#x09;script:alert(1)\">c</a> <a href=\"java&#9;script:alert(1)\">d</a>\n");

        assertThat(html).doesNotContain("href").doesNotContain("script:");
    }

    @Test
    void mixedCaseAndLeadingControlCharactersAreRemoved() {
        String html = html("[a](JaVaScRiPt:alert(1)) <a href=\" &#1; javascript:alert(1)\">b</a> "
                + "<a href=\"&#x20;javascript:alert(1)\">c</a> [d](VBScript:msgbox(1))\n");

        assertNoScript(html);
        assertThat(html).doesNotContain("href");
    }

    @Test
    void javascriptAutolinkIsNotALink() {
        String html = html("<javascript:alert(1)> and <JAVASCRIPT:alert(1)>\n");

        assertThat(html).doesNotContain("href");
    }

    @Test
    void dataAndScriptImagesAreRemoved() {
        String html = html("![a](data:image/svg+xml;base64,PHN2Zz4=) ![b](javascript:alert(1)) "
                + "<img src=\"data:text/html,<script>alert(1)</script>\">\n");

        assertNoScript(html);
        assertThat(html).doesNotContain("src=");
    }

    @Test
    void rawHtmlEventHandlersAreRemoved() {
        String html = html("<img src=\"https://example.com/a.png\" onerror=\"alert(1)\">\n\n"
                + "<a href=\"https://example.com\" onclick=\"alert(1)\" style=\"color:red\">x</a>\n");

        assertNoScript(html);
        assertThat(html).contains("<img src=\"https://example.com/a.png\">")
                .contains("<a href=\"https://example.com\">x</a>")
                .doesNotContain("style");
    }

    @Test
    void scriptStyleIframeAndObjectAreRemoved() {
        String html = html("<script>alert(1)</script>\n\n<style>p{}</style>\n\n<iframe src=\"https://x\"></iframe>\n\n"
                + "<object data=\"x\"></object><embed src=\"x\"><form><input type=\"text\" name=\"q\"></form>\n");

        assertThat(html).doesNotContain("<script").doesNotContain("<style").doesNotContain("<iframe")
                .doesNotContain("<object").doesNotContain("<embed").doesNotContain("<form")
                .doesNotContain("type=\"text\"").doesNotContain("name=");
    }

    @Test
    void rawInputBecomesADisabledCheckbox() {
        assertThat(html("<input type=\"submit\" value=\"go\">\n")).contains("<input type=\"checkbox\" disabled>");
    }

    @Test
    void svgAndMathmlScriptsAreRemoved() {
        String html = html("<svg><script>alert(1)</script><a xlink:href=\"javascript:alert(1)\">x</a></svg>\n\n"
                + "<math><mtext><a href=\"javascript:alert(1)\">y</a></mtext></math>\n");

        assertNoScript(html);
    }

    @Test
    void relativeAndFragmentLinksSurviveExactly() {
        String html = html("[a](../rag.md) [b](#fn-1) [c](/ai/rag)\n\n"
                + "<a href=\"/ai/rag\">d</a> <a href=\"#fn-1\">e</a>\n");

        assertThat(html).contains("<a href=\"/ai/rag\">a</a>").contains("<a href=\"#fn-1\">b</a>")
                .contains("<a href=\"/ai/rag\">c</a>").contains("<a href=\"/ai/rag\">d</a>")
                .contains("<a href=\"#fn-1\">e</a>");
    }

    @Test
    void allowedSchemesStay() {
        assertThat(html("[h](http://a.example) [s](https://b.example) [m](mailto:x@y.example)\n"))
                .contains("href=\"http://a.example\"").contains("href=\"https://b.example\"")
                .contains("href=\"mailto:x@y.example\"");
    }

    @Test
    void otherSchemesAreRemoved() {
        assertThat(html("[f](ftp://x.example/a) [t](tel:123) [f2](file:///etc/passwd)\n")).doesNotContain("href");
    }

    @Test
    void idsOutsideHeadingsAndFootnotesAreDropped() {
        assertThat(html("<p id=\"x\" class=\"y\">p</p>\n\n<span class=\"math math-inline\">$x$</span>\n"))
                .contains("<p>p</p>").contains("<span class=\"math math-inline\">");
    }

    @Test
    void mathCannotSmuggleHtml() {
        String html = html("$<img src=x onerror=alert(1)>$\n\n$$\n</div><script>alert(1)</script>\n$$\n");

        assertThat(html).doesNotContain("<img").doesNotContain("<script")
                .contains("$&lt;img src=x onerror=alert(1)&gt;$")
                .contains("&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void codeBlocksStayEscaped() {
        assertThat(html("```html\n<script>alert(1)</script>\n```\n"))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
    }

    @Test
    void urlCheckSeesThroughControlCharacters() {
        assertThat(HtmlSanitizer.isAllowedUrl("java\u0000script:x")).isFalse();
        assertThat(HtmlSanitizer.isAllowedUrl(" \tjavascript:x")).isFalse();
        assertThat(HtmlSanitizer.isAllowedUrl("/ai/rag")).isTrue();
        assertThat(HtmlSanitizer.isAllowedUrl("#fn-1")).isTrue();
        assertThat(HtmlSanitizer.isAllowedUrl("HTTPS://x")).isTrue();
    }
}
