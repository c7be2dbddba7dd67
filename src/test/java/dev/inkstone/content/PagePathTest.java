package dev.inkstone.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../b", "./a", "/etc/passwd", "a\\b", "a\u0000b", "a\nb", "a\u007fb", ".git",
            "a/.GIT/config", "docs/.Git", "a//b"})
    void refusesPathsThatMustNotReachGit(String raw) {
        assertThatThrownBy(() -> PagePath.of(raw)).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void refusesPathsOver1024Bytes() {
        assertThatThrownBy(() -> PagePath.of("中".repeat(342))).isInstanceOf(InvalidPathException.class);
        assertThat(PagePath.of("中".repeat(341)).value()).hasSize(341);
    }

    @Test
    void normalizesToNfcAndDropsOneTrailingSlash() {
        assertThat(PagePath.of("cafe\u0301/").value()).isEqualTo("caf\u00e9");
    }

    @Test
    void knowsItsParentAndName() {
        PagePath path = PagePath.of("ai/agent/rag");
        assertThat(path.parent().value()).isEqualTo("ai/agent");
        assertThat(path.name()).isEqualTo("rag");
        assertThat(PagePath.of("").isRoot()).isTrue();
        assertThat(PagePath.of(".gitkeep-not-special").value()).isEqualTo(".gitkeep-not-special");
    }
}
