package dev.inkstone.http.github;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ContentObjectsTest {

    @Test
    void emptyFileHasEmptyContent() {
        assertThat(ContentObjects.base64Lines(new byte[0])).isEmpty();
    }

    @Test
    void shortFileIsOneLineEndingInABreak() {
        assertThat(ContentObjects.base64Lines("hello\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("aGVsbG8K\n");
    }

    @Test
    void longFileBreaksAfterEverySixtyCharacters() {
        byte[] bytes = "注意力机制 🧠 ".repeat(10).getBytes(StandardCharsets.UTF_8);
        String lines = ContentObjects.base64Lines(bytes);
        String[] split = lines.split("\n");
        assertThat(lines).endsWith("\n");
        assertThat(split).hasSizeGreaterThan(2);
        for (int i = 0; i < split.length - 1; i++) {
            assertThat(split[i]).hasSize(60);
        }
        assertThat(String.join("", split)).isEqualTo(Base64.getEncoder().encodeToString(bytes));
    }
}
