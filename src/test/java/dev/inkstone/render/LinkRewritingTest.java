package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkRewritingTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static RenderResult render(String markdown) {
        return RENDERER.render(markdown, 1, "ai/agent/rag.md");
    }

    @Test
    void relativeMarkdownLinkBecomesPageUrl() {
        RenderResult result = render("[QKV](../model/attention.md#qkv)\n");

        assertThat(result.html()).contains("<a href=\"/ai/model/attention#qkv\">QKV</a>");
        assertThat(result.links())
                .containsExactly(new LocalLink("ai/model/attention.md", "ai/model/attention", 1, false));
    }

    @Test
    void indexPageLinkBecomesFolderUrl() {
        RenderResult result = render("[home](../../index.md) [agents](./index.md)\n");

        assertThat(result.html()).contains("<a href=\"/\">home</a>").contains("<a href=\"/ai/agent\">agents</a>");
        assertThat(result.links()).extracting(LocalLink::pagePath).containsExactly("", "ai/agent");
    }

    @Test
    void imageLinkBecomesFilesUrl() {
        RenderResult result = render("![diagram](../../images/a.svg)\n");

        assertThat(result.html()).contains("<img src=\"/api/files/images/a.svg\" alt=\"diagram\">");
        assertThat(result.links()).containsExactly(new LocalLink("images/a.svg", null, 1, true));
    }

    @Test
    void otherFileLinkBecomesFilesUrlWithQueryAndFragment() {
        RenderResult result = render("[report](report.pdf?v=2#page=3)\n");

        assertThat(result.html()).contains("<a href=\"/api/files/ai/agent/report.pdf?v=2#page=3\">report</a>");
        assertThat(result.links()).containsExactly(new LocalLink("ai/agent/report.pdf", null, 1, false));
    }

    @Test
    void rootRelativeLinksResolveFromTheRepositoryRoot() {
        RenderResult result = render("[t](/ai/training/index.md) ![a](/images/a.png)\n");

        assertThat(result.html()).contains("href=\"/ai/training\"").contains("src=\"/api/files/images/a.png\"");
        assertThat(result.links()).containsExactly(new LocalLink("ai/training/index.md", "ai/training", 1, false),
                new LocalLink("images/a.png", null, 1, true));
    }

    @Test
    void extensionlessLinkIsAPagePath() {
        RenderResult result = render("[peft](/ai/training/peft) [model](../model/)\n");

        assertThat(result.html()).contains("href=\"/ai/training/peft\"").contains("href=\"/ai/model\"");
        assertThat(result.links()).containsExactly(new LocalLink("ai/training/peft", "ai/training/peft", 1, false),
                new LocalLink("ai/model", "ai/model", 1, false));
    }

    @Test
    void percentEncodedTargetIsDecodedAndReEncoded() {
        RenderResult result = render("![x](my%20image.png) [中文](../模型/注意力.md)\n");

        assertThat(result.html()).contains("src=\"/api/files/ai/agent/my%20image.png\"")
                .contains("href=\"/ai/%E6%A8%A1%E5%9E%8B/%E6%B3%A8%E6%84%8F%E5%8A%9B\"");
        assertThat(result.links()).extracting(LocalLink::repoPath)
                .containsExactly("ai/agent/my image.png", "ai/模型/注意力.md");
    }

    @Test
    void linkThatEscapesTheRepositoryIsNeutralised() {
        RenderResult result = render("[out](../../../etc/passwd) [enc](%2e%2e/%2e%2e/%2e%2e/x.md)\n");

        assertThat(result.html()).contains("<a href=\"#\">out</a>").contains("<a href=\"#\">enc</a>");
        assertThat(result.links()).isEmpty();
        assertThat(result.warnings()).containsExactly("link escapes the repository: ../../../etc/passwd",
                "link escapes the repository: %2e%2e/%2e%2e/%2e%2e/x.md");
    }

    @Test
    void absoluteAndFragmentLinksStayAsTheyAre() {
        RenderResult result = render("[a](https://example.com/x.md) [m](mailto:a@b.c) [f](#setup) [p](//cdn.x/y.md)\n");

        assertThat(result.html()).contains("href=\"https://example.com/x.md\"").contains("href=\"mailto:a@b.c\"")
                .contains("href=\"#setup\"").contains("href=\"//cdn.x/y.md\"");
        assertThat(result.links()).isEmpty();
    }

    @Test
    void referenceStyleLinksAreRewritten() {
        RenderResult result = render("See [tools][t].\n\n[t]: ./tools.md\n");

        assertThat(result.html()).contains("<a href=\"/ai/agent/tools\">tools</a>");
        assertThat(result.links()).containsExactly(new LocalLink("ai/agent/tools.md", "ai/agent/tools", 1, false));
    }

    @Test
    void previewPageResolvesFromTheRoot() {
        RenderResult result = RENDERER.render("[a](ai/rag.md)\n", 1, "");

        assertThat(result.html()).contains("href=\"/ai/rag\"");
    }

    @Test
    void linkLinesCountFrontMatter() throws Exception {
        FrontMatter file = new FrontMatterParser().parse("---\ntitle: RAG\ntags: [a]\n---\n# RAG\n\nintro\n\n"
                + "see [attention](../model/attention.md)\n");

        RenderResult result = RENDERER.render(file.body(), file.bodyStartLine(), "ai/agent/rag.md");

        assertThat(result.links()).extracting(LocalLink::line).containsExactly(9);
    }

    @Test
    void linkLinesSurviveParagraphSplitting() {
        String longParagraph = ("word ".repeat(1_000) + "\n").repeat(20);
        RenderResult result = RENDERER.render(longParagraph + "\n[x](x.md)\n", 10, "a.md");

        assertThat(result.warnings()).anyMatch(warning -> warning.startsWith("paragraph longer than"));
        assertThat(result.links()).extracting(LocalLink::line).containsExactly(31);
    }

    @Test
    void malformedPercentEscapesAreKeptAsWritten() {
        RenderResult result = render("[a](100%.pdf) [b](x%zz.md)\n");

        assertThat(result.links()).extracting(LocalLink::repoPath)
                .containsExactly("ai/agent/100%.pdf", "ai/agent/x%zz.md");
        assertThat(result.html()).contains("href=\"/api/files/ai/agent/100%25.pdf\"")
                .contains("href=\"/ai/agent/x%25zz\"");
    }

    @Test
    void crOnlyLineEndsKeepLineNumbers() {
        RenderResult result = RENDERER.render("one\r\rthree\r\n[x](x.md)\r", 1, "a.md");

        assertThat(result.links()).extracting(LocalLink::line).containsExactly(4);
    }

    @Test
    void imageInsideLinkReportsBoth() {
        RenderResult result = render("[![logo](logo.png)](../index.md)\n");

        assertThat(result.links()).containsExactly(new LocalLink("ai/index.md", "ai", 1, false),
                new LocalLink("ai/agent/logo.png", null, 1, true));
    }
}
