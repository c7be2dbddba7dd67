package dev.inkstone.search;

import dev.inkstone.content.FileChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangedPagesTest {

    private static FileChange edited(String path) {
        return new FileChange(path, "a".repeat(40), "b".repeat(40));
    }

    private static FileChange added(String path) {
        return new FileChange(path, null, "b".repeat(40));
    }

    private static FileChange deleted(String path) {
        return new FileChange(path, "a".repeat(40), null);
    }

    @Test
    void anEditTouchesItsPageOnly() {
        ChangedPages changed = ChangedPages.of(List.of(edited("ai/agent/rag.md")));
        assertThat(changed.pages()).containsExactly("ai/agent/rag");
        assertThat(changed.sections()).isEmpty();
    }

    @Test
    void anAddedOrDeletedPageMayBringOrTakeTheSectionsAboveIt() {
        assertThat(ChangedPages.of(List.of(added("a/b/c.md"))).sections()).containsExactlyInAnyOrder("a", "a/b");
        assertThat(ChangedPages.of(List.of(deleted("a/b/c.md"))).sections()).containsExactlyInAnyOrder("a", "a/b");
    }

    @Test
    void indexFilesAreTheirFoldersPages() {
        ChangedPages changed = ChangedPages.of(List.of(added("a/index.md"), edited("index.md")));
        assertThat(changed.pages()).containsExactlyInAnyOrder("a", "");
        assertThat(changed.sections()).isEmpty();
    }

    @Test
    void aRenameIsTheOldPageAndTheNew() {
        ChangedPages changed = ChangedPages.of(List.of(deleted("notes/a.md"), added("other/a.md")));
        assertThat(changed.pages()).containsExactlyInAnyOrder("notes/a", "other/a");
        assertThat(changed.sections()).containsExactlyInAnyOrder("notes", "other");
    }

    @Test
    void otherFilesChangeNoPage() {
        ChangedPages changed = ChangedPages.of(List.of(added("images/a.svg"), edited("_redirects.yml")));
        assertThat(changed.pages()).isEmpty();
        assertThat(changed.sections()).isEmpty();
    }

    @Test
    void decomposedNamesAreTheirComposedPages() {
        String decomposed = java.text.Normalizer.normalize("café.md", java.text.Normalizer.Form.NFD);
        assertThat(ChangedPages.of(List.of(edited(decomposed))).pages()).containsExactly("café");
    }
}
