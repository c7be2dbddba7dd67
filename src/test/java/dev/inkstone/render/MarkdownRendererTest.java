package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static RenderResult render(String markdown) {
        return RENDERER.render(markdown, 1, "ai/agent/rag.md");
    }

    @Test
    void headingsCarryTheirIds() {
        assertThat(render("# 标题 Title\n\n## 2.1 注意力机制 (Attention)\n").html())
                .contains("<h1 id=\"标题-title\">标题 Title</h1>")
                .contains("<h2 id=\"21-注意力机制-attention\">2.1 注意力机制 (Attention)</h2>");
    }

    @Test
    void repeatedHeadingsGetNumberedSuffixes() {
        RenderResult result = render("## 示例\n\n## 示例\n\n### 示例\n");

        assertThat(result.toc()).extracting(TocEntry::id).containsExactly("示例", "示例-1", "示例-2");
        assertThat(result.html()).contains("<h3 id=\"示例-2\">");
    }

    @Test
    void tocListsOnlyLevelTwoAndThreeInOrder() {
        RenderResult result = render("# Top\n\n## A\n\n#### Deep\n\n### B\n\n## C\n");

        assertThat(result.toc()).containsExactly(new TocEntry(2, "a", "A"), new TocEntry(3, "b", "B"),
                new TocEntry(2, "c", "C"));
    }

    @Test
    void tocTextIsPlainText() {
        RenderResult result = render("## Using *fast* `code` and [links](x.md)\n");

        assertThat(result.toc()).containsExactly(
                new TocEntry(2, "using-fast-code-and-links", "Using fast code and links"));
    }

    @Test
    void firstHeadingIsTheFirstLevelOne() {
        assertThat(render("## Intro\n\n# 检索增强生成\n\n# Second\n").firstHeading()).isEqualTo("检索增强生成");
    }

    @Test
    void setextHeadingCountsAsFirstHeading() {
        assertThat(render("Title\n=====\n").firstHeading()).isEqualTo("Title");
    }

    @Test
    void pageWithoutLevelOneHasNoFirstHeading() {
        assertThat(render("## Only two\n").firstHeading()).isNull();
    }

    @Test
    void tablesRenderWithAlignment() {
        assertThat(render("| a | b |\n|:--|--:|\n| 1 | 2 |\n").html())
                .contains("<table>")
                .contains("<th align=\"left\">a</th><th align=\"right\">b</th>")
                .contains("<td align=\"left\">1</td><td align=\"right\">2</td>");
    }

    @Test
    void strikethroughRenders() {
        assertThat(render("~~gone~~\n").html()).isEqualTo("<p><del>gone</del></p>\n");
    }

    @Test
    void taskListRendersDisabledCheckboxes() {
        String html = render("- [ ] todo\n- [x] done\n").html();

        assertThat(html)
                .contains("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" "
                        + "disabled>&nbsp;todo</li>")
                .contains("<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked disabled>&nbsp;done");
    }

    @Test
    void bareUrlsBecomeLinks() {
        assertThat(render("see www.example.com and https://example.org/x now\n").html())
                .contains("<a href=\"http://www.example.com\">www.example.com</a>")
                .contains("<a href=\"https://example.org/x\">https://example.org/x</a>");
    }

    @Test
    void footnotesRender() {
        String html = render("Claim.[^1]\n\n[^1]: Source.\n").html();

        assertThat(html)
                .contains("<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>")
                .contains("<div class=\"footnotes\">")
                .contains("<li id=\"fn-1\">")
                .contains("<a href=\"#fnref-1\" class=\"footnote-backref\">");
    }

    @Test
    void fencedCodeKeepsLanguageClass() {
        assertThat(render("```python\nx = 1 < 2\n```\n").html())
                .isEqualTo("<pre><code class=\"language-python\">x = 1 &lt; 2\n</code></pre>\n");
    }

    @Test
    void referenceLinksResolve() {
        assertThat(render("[tools][t]\n\n[t]: https://example.com/t\n").html())
                .isEqualTo("<p><a href=\"https://example.com/t\">tools</a></p>\n");
    }

    @Test
    void rawHtmlIsKeptWhenSafe() {
        assertThat(render("<details><summary>x</summary>\n\n<b>bold</b> and <kbd>k</kbd>\n").html())
                .contains("<b>bold</b>");
    }

    @Test
    void cleanPageHasNoWarnings() {
        assertThat(render("# Title\n\nText with [a link](other.md).\n").warnings()).isEmpty();
    }
}
