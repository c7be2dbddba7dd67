package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagePathsTest {

    @Test
    void folderIndexIsTheFolderPage() {
        assertThat(PagePaths.pagePathOf("ai/training/index.md")).isEqualTo("ai/training");
    }

    @Test
    void pageDropsTheExtension() {
        assertThat(PagePaths.pagePathOf("ai/training/peft.md")).isEqualTo("ai/training/peft");
    }

    @Test
    void rootIndexIsTheHomePage() {
        assertThat(PagePaths.pagePathOf("index.md")).isEmpty();
    }

    @Test
    void fileNamedLikeIndexIsAnOrdinaryPage() {
        assertThat(PagePaths.pagePathOf("ai/reindex.md")).isEqualTo("ai/reindex");
    }

    @Test
    void onlyLowerCaseExtensionCounts() {
        assertThat(PagePaths.isMarkdown("a/b.MD")).isFalse();
        assertThatThrownBy(() -> PagePaths.pagePathOf("a/b.MD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bareExtensionIsNotAPage() {
        assertThat(PagePaths.isMarkdown(".md")).isFalse();
        assertThat(PagePaths.isMarkdown("a/.md")).isFalse();
    }
}
