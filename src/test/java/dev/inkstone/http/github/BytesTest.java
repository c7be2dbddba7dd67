package dev.inkstone.http.github;

import dev.inkstone.content.ContentBytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BytesTest {

    @Test
    void blobIdIsGitsHashOfTheBytes() {
        assertThat(ContentBytes.blobId("hello\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(ContentBytes.blobId(new byte[0])).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    @Test
    void chineseAndEmojiAreText() {
        assertThat(Bytes.isText("注意力 🧠\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void invalidUtf8AndNulAreNotText() {
        assertThat(ContentBytes.utf8(new byte[]{'a', (byte) 0xe9})).isEmpty();
        assertThat(Bytes.isText(new byte[]{'a', 0, 'b'})).isFalse();
    }
}
