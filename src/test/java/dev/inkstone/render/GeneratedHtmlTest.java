package dev.inkstone.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skipping jsoup for HTML flexmark wrote by itself must change nothing a browser sees: for every Markdown construct
 * the renderer supports and for every page of the sample content, the HTML returned without jsoup parses to exactly
 * the elements, attributes and text that the jsoup round trip returns, and the check refuses what it must refuse.
 */
class GeneratedHtmlTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    /** One snippet per construct, each without raw HTML, so each may take the path without jsoup. */
    private static final List<String> CONSTRUCTS = List.of(
            "# Title\n\nText with *emphasis*, **strong**, ~~deleted~~ and `code <b>` & more.\n",
            "## A heading\n\n### Same heading\n\n### Same heading\n\n#### Ünïcödé 中文标题\n",
            "- one\n- two\n  1. nested\n  2. list\n\n> quote\n> > nested quote\n",
            "```java\nclass A { String s = \"<x>\"; }\n```\n\n    indented code\n",
            "| left | center | right |\n|:-----|:------:|------:|\n| a | b \\| c | `d` |\n",
            "- [ ] open task\n- [x] done task\n",
            "Text with a footnote[^1] and another[^note].\n\n[^1]: The note.\n[^note]: **Bold** note.\n",
            "Inline $a < b$ math and display:\n\n$$\n\\sum_{i<n} x_i > 0\n$$\n",
            "[relative](other.md) [anchor](#section) [absolute](https://example.com/a?b=1&c=\"2\") "
                    + "[with title](https://example.com \"A \\\"title\\\"\") [mail](mailto:a@example.com)\n",
            "![image](images/pic.png \"Picture\") ![remote](https://example.com/x.png)\n",
            "Autolinks: https://example.com/path and www.example.com and a@example.com\n",
            "[ref link][r] and ![ref image][i]\n\n[r]: ../up.md#part\n[i]: img/a.png\n",
            "Line one  \nline two\\\nline three\n\n---\n\n***\n",
            "Entities: &copy; &amp; &lt;tag&gt; &#x3C;script&#x3E; &nbsp;\n",
            "1. first\n\n   para in item\n\n2. second\n   - inner\n     > quoted in list\n");

    private final MarkdownRenderer fast = new MarkdownRenderer(BUDGET, true, new HtmlSanitizer(true));
    private final MarkdownRenderer jsoup = new MarkdownRenderer(BUDGET, true, new HtmlSanitizer(false));

    /** The HTML as a browser's parser holds it, written out one way, so two spellings of one tree compare equal. */
    private static String tree(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    private void assertSameTree(String markdown, String source) {
        RenderResult withoutJsoup = fast.render(markdown, 1, source);
        RenderResult withJsoup = jsoup.render(markdown, 1, source);
        assertThat(tree(withoutJsoup.html())).as(markdown).isEqualTo(withJsoup.html());
        assertThat(withoutJsoup.toc()).isEqualTo(withJsoup.toc());
        assertThat(withoutJsoup.links()).isEqualTo(withJsoup.links());
        assertThat(withoutJsoup.warnings()).isEqualTo(withJsoup.warnings());
    }

    @Test
    void everyConstructKeepsTheTreeJsoupWouldReturn() {
        for (String markdown : CONSTRUCTS) {
            long before = fast.sanitizer.keptAsGenerated.sum();
            assertSameTree(markdown, "docs/page.md");
            if (!markdown.contains("- [")) {
                // Task-list checkboxes carry attributes jsoup enforces, so those pages still go through jsoup.
                assertThat(fast.sanitizer.keptAsGenerated.sum()).as("kept without jsoup: " + markdown)
                        .isEqualTo(before + 1);
            }
        }
    }

    @Test
    void everySamplePageKeepsTheTreeJsoupWouldReturn() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of("repo-content"))) {
            pages = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        long before = fast.sanitizer.keptAsGenerated.sum();
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            assertSameTree(BodyAfterFrontMatter.of(text).body(), Path.of("repo-content").relativize(page).toString());
        }
        assertThat(fast.sanitizer.keptAsGenerated.sum() - before).as("sample pages kept without jsoup")
                .isPositive();
    }

    @Test
    void pagesWithRawHtmlStillGoThroughJsoup() {
        for (String text : List.of("Raw <b>bold</b> inline\n", "<div onclick=\"x()\">block</div>\n",
                "<p>para</p>\n", "text <!-- comment -->\n")) {
            long before = fast.sanitizer.keptAsGenerated.sum();
            assertSameTree(text, "a.md");
            assertThat(fast.sanitizer.keptAsGenerated.sum()).as(text).isEqualTo(before);
        }
    }

    @Test
    void unsafeLinksComeOutAsJsoupWouldLeaveThem() {
        // Whether the link resolver already dropped the URL (then flexmark's HTML is kept) or the check refused it
        // (then jsoup cleans), no script URL may reach the HTML, and the tree is the one jsoup returns.
        for (String text : List.of("[x](javascript:alert(1))\n", "[x](java&#x09;script:alert(1))\n",
                "[x](&#106;avascript:alert(1))\n", "![x](data:image/png;base64,AAAA)\n", "<javascript:alert(1)>\n",
                "[x](vbscript:msgbox)\n", "[r]\n\n[r]: javascript:alert(1)\n", "[x]( JaVaScRiPt:alert(1))\n")) {
            assertSameTree(text, "a.md");
            Document html = Jsoup.parseBodyFragment(fast.render(text, 1, "a.md").html());
            for (Element element : html.body().getAllElements()) {
                for (String attribute : List.of("href", "src", "cite")) {
                    assertThat(HtmlSanitizer.isAllowedUrl(element.attr(attribute))).as(text).isTrue();
                }
            }
        }
    }

    @Test
    void theCheckRefusesAnythingFlexmarkWouldNotHaveWritten() {
        GeneratedHtml check = new GeneratedHtml(Safelist.relaxed(), "https://inkstone.invalid/", 128,
                HtmlSanitizer::isAllowedUrl);
        String plain = "<p>plain <em>text</em> &amp; <a href=\"x.md\" title=\"t\">link</a></p>\n";
        assertThat(check.asKept(plain)).isSameAs(plain);
        assertThat(check.asKept("<p>a<br />b</p><img src=\"a.png\" alt=\"\" /><br/>\n"))
                .isEqualTo("<p>a<br>b</p><img src=\"a.png\" alt=\"\"><br>\n");
        GeneratedHtml refusingUrls = new GeneratedHtml(Safelist.relaxed(), "https://inkstone.invalid/", 128,
                url -> false);
        assertThat(refusingUrls.asKept("<p><a href=\"x.md\">link</a></p>")).isNull();
        assertThat(refusingUrls.asKept("<p><a title=\"x.md\">no url</a></p>")).isNotNull();
        for (String refused : List.of(
                "<script>x()</script>",
                "<p onclick=\"x()\">a</p>",
                "<a href=\"javascript:x()\">a</a>",
                "<a href=\"java&#x09;script:x()\">a</a>",
                "<a href=\"&#106;avascript:x()\">a</a>",
                "<img src=\"data:image/png;base64,AA\" />",
                "<a href='x.md'>single quotes</a>",
                "<a href=x.md>no quotes</a>",
                "<a href=\"x.md\"title=\"t\">no space</a>",
                "<P>upper case</P>",
                "<p>unclosed",
                "<p>overclosed</p></p>",
                "<p/>",
                "</br>",
                "<!-- comment -->",
                "<p>a < b</p>",
                "<p>a <",
                "<style>p{}</style>",
                "<iframe src=\"https://x\"></iframe>",
                "<a href=\"x\"",
                "<div>" + "<div>".repeat(130) + "</div>".repeat(131))) {
            assertThat(check.asKept(refused)).as(refused).isNull();
        }
    }

    /** Answers about attributes are remembered by tag and name: a second asking must agree with the first. */
    @Test
    void rememberedAttributeAnswersAgreeWithTheFirst() {
        GeneratedHtml check = new GeneratedHtml(Safelist.relaxed().addAttributes("h2", "id"),
                "https://inkstone.invalid/", 128, HtmlSanitizer::isAllowedUrl);
        for (int round = 0; round < 3; round++) {
            assertThat(check.asKept("<h2 id=\"a" + round + "\">x</h2>")).as("round " + round).isNotNull();
            assertThat(check.asKept("<h3 id=\"a" + round + "\">x</h3>")).as("round " + round).isNull();
            assertThat(check.asKept("<p onclick=\"x" + round + "()\">a</p>")).as("round " + round).isNull();
            assertThat(check.asKept("<a href=\"x" + round + ".md\">a</a>")).as("round " + round).isNotNull();
            assertThat(check.asKept("<a href=\"javascript:x" + round + "()\">a</a>")).as("round " + round).isNull();
        }
    }
}
