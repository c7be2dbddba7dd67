package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Skipping the autolink extension for bodies without {@link AutolinkTriggers} must never change a rendering: every
 * body here is rendered by a renderer that skips and by one that always autolinks, and the results must be equal.
 */
class AutolinkTriggersTest {

    private static final MarkdownRenderer SKIPPING = new MarkdownRenderer();
    private static final MarkdownRenderer ALWAYS =
            new MarkdownRenderer(Duration.ofNanos(MarkdownRenderer.BUDGET_NANOS), false);

    /** Markdown pieces, plain ones and ones that do or nearly do spell an autolink (escaped, encoded, cased). */
    private static final List<String> FRAGMENTS = List.of(
            "# Title\n", "## 小节 Section\n", "Plain words in a sentence.\n", "注意力机制与向量检索。\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n", "```bash\ngit log -n 5\n```\n", "- item\n- [x] done\n",
            "See [page](../x/page.md) and [site](https://example.org/a).\n", "![img](images/a.png)\n",
            "Text with a footnote[^1].\n\n[^1]: The note.\n", "$$\nE = mc^2\n$$\n", "Inline $a+b$ math.\n",
            "*em* **strong** ~~gone~~ `code`\n", "> quoted\n", "[ref]: https://example.com/ref\n\nUse [ref].\n",
            "https://example.com/path?q=1\n", "Visit www.example.com today.\n", "Visit WWW.EXAMPLE.COM today.\n",
            "Mail dev@example.com please.\n", "Mail dev&#64;example.com please.\n", "Mail dev\\@example.com.\n",
            "Scheme http&#58;//example.com here.\n", "ftp://files.example.com/x\n", "Time 10:30 // comment\n",
            "A colon: and a slash / apart.\n", "wwwexample no dot, Www.Example.com mixed.\n", "R&D &amp; co.\n",
            "<https://angle.example.com>\n", "<dev@example.com>\n", "mailto:dev@example.com\n",
            "A backslash \\* escape.\n", "tel: 555 and news:group\n", "w w w . spaced\n");

    @Test
    void randomBodiesRenderTheSameWithAndWithoutTheSkip() {
        Random random = new Random(17);
        int skipped = 0;
        for (int round = 0; round < 600; round++) {
            StringBuilder body = new StringBuilder();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                body.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))).append('\n');
            }
            String markdown = body.toString();
            assertThat(SKIPPING.render(markdown, 3, "docs/page.md"))
                    .as("body:%n%s", markdown)
                    .isEqualTo(ALWAYS.render(markdown, 3, "docs/page.md"));
            if (!AutolinkTriggers.present(markdown)) {
                skipped++;
            }
        }
        assertThat(skipped).as("bodies that took the path without autolinks").isGreaterThan(50);
    }

    @Test
    void theSampleContentRendersTheSameWithAndWithoutTheSkip() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("repo-content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String markdown = Files.readString(file);
                assertThat(SKIPPING.render(markdown, 1, file.toString()))
                        .as(file.toString())
                        .isEqualTo(ALWAYS.render(markdown, 1, file.toString()));
            }
        }
    }

    @Test
    void everyWayOfSpellingALinkCountsAsATrigger() {
        for (String text : List.of("http://a.b", "x://", "www.a.b", "WwW.a.b", "a@b.c", "a&#64;b.c", "a\\@b",
                "http&#58;//a")) {
            assertThat(AutolinkTriggers.present(text)).as(text).isTrue();
        }
        for (String text : List.of("", "plain text", "10:30 / 2", "ww.a.b", "w:/", "中文：//")) {
            assertThat(AutolinkTriggers.present(text)).as(text).isFalse();
        }
    }

    @Test
    void linksAreStillFoundWhereTheyAre() {
        assertThat(SKIPPING.render("see www.example.com and dev@example.com\n", 1, "a.md").html())
                .contains("<a href=\"http://www.example.com\">www.example.com</a>")
                .contains("<a href=\"mailto:dev@example.com\">dev@example.com</a>");
    }
}
