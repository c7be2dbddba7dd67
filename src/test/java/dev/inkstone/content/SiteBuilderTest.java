package dev.inkstone.content;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The content conventions, as tree in → pages out, without Git or a renderer. */
class SiteBuilderTest {

    private static final Revision REVISION = new Revision("0".repeat(40), false);

    private static Site build(Map<String, Map<String, Object>> frontMatters, String... paths) {
        SiteBuilder builder = SiteBuilder.reading(entry -> new PageHeader(
                frontMatters.getOrDefault(entry.path(), Map.of()), "", 1, null, List.of()));
        List<TreeEntry> tree = java.util.Arrays.stream(paths)
                .map(p -> new TreeEntry(p, Integer.toHexString(p.hashCode()), TreeEntry.Kind.FILE)).toList();
        return builder.build(REVISION, tree);
    }

    @Test
    void pagePathsDropMdAndIndex() {
        assertThat(SiteBuilder.pagePathOf("index.md")).isEmpty();
        assertThat(SiteBuilder.pagePathOf("ai/training/index.md")).isEqualTo("ai/training");
        assertThat(SiteBuilder.pagePathOf("ai/training/peft.md")).isEqualTo("ai/training/peft");
        assertThat(SiteBuilder.pagePathOf("reindex.md")).isEqualTo("reindex");
    }

    @Test
    void siblingMarkdownFileIsTheSectionPageWhenFolderHasNoIndex() {
        Site site = build(Map.of(), "x.md", "x/child.md");
        assertThat(site.page("x").orElseThrow().sourcePath()).isEqualTo("x.md");
        assertThat(site.page("x").orElseThrow().children()).containsExactly("x/child");
    }

    @Test
    void folderWithoutMarkdownIsNotASection() {
        Site site = build(Map.of(), "index.md", "images/a.png", "docs/deep/er/page.md");
        assertThat(site.pages()).containsOnlyKeys("", "docs", "docs/deep", "docs/deep/er", "docs/deep/er/page");
        assertThat(site.page("docs/deep").orElseThrow().generated()).isTrue();
        assertThat(site.files()).containsKey("images/a.png");
    }

    @Test
    void missingHomeIsGenerated() {
        Site site = build(Map.of(), "a.md");
        assertThat(site.root().generated()).isTrue();
        assertThat(site.root().info().title()).isEqualTo("Home");
    }

    @Test
    void titlesCompareByCodePointThenPath() {
        Site site = build(Map.of(
                "b.md", Map.of("title", "Same"),
                "a.md", Map.of("title", "Same"),
                "c.md", Map.of("title", "\uD83D\uDE00 emoji"),
                "d.md", Map.of("title", "\uFF21 fullwidth")), "a.md", "b.md", "c.md", "d.md");
        // U+FF21 sorts before U+1F600 by code point, though its UTF-16 unit is larger than the surrogate's.
        assertThat(site.root().children()).containsExactly("a", "b", "d", "c");
    }

    @Test
    void symlinksAndSubmodulesAreProblemsNotPages() {
        SiteBuilder builder = SiteBuilder.reading(e -> new PageHeader(Map.of(), "", 1, null, List.of()));
        Site site = builder.build(REVISION, List.of(
                new TreeEntry("link.md", "1", TreeEntry.Kind.SYMLINK),
                new TreeEntry("vendor", "2", TreeEntry.Kind.SUBMODULE)));
        assertThat(site.pages()).containsOnlyKeys("");
        assertThat(site.problems()).extracting(Problem::kind).containsExactly(Problem.SYMLINK, Problem.SUBMODULE);
    }
}
