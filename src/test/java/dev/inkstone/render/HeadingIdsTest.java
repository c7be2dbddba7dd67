package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingIdsTest {

    @Test
    void chineseHeadingKeepsHanCharacters() {
        assertThat(HeadingIds.slug("2.1 注意力机制 (Attention)")).isEqualTo("21-注意力机制-attention");
    }

    @Test
    void latinIsLowerCasedAndPunctuationDropped() {
        assertThat(HeadingIds.slug("What's New? C++ & Rust!")).isEqualTo("whats-new-c--rust");
    }

    @Test
    void whitespaceRunsBecomeOneHyphen() {
        assertThat(HeadingIds.slug("  a \t  b  ")).isEqualTo("a-b");
    }

    @Test
    void hyphensAndUnderscoresStay() {
        assertThat(HeadingIds.slug("self-attention_v2")).isEqualTo("self-attention_v2");
    }

    @Test
    void otherScriptsKeepTheirCase() {
        assertThat(HeadingIds.slug("Ωmega Ärger")).isEqualTo("Ωmega-ärger");
    }

    @Test
    void punctuationOnlyHeadingIsSection() {
        assertThat(HeadingIds.slug("?!…")).isEqualTo("section");
    }

    @Test
    void repeatedHeadingsGetNumberedSuffixes() {
        HeadingIds ids = new HeadingIds();

        assertThat(ids.next("示例")).isEqualTo("示例");
        assertThat(ids.next("示例")).isEqualTo("示例-1");
        assertThat(ids.next("示例")).isEqualTo("示例-2");
    }

    @Test
    void suffixSkipsAnIdAlreadyTaken() {
        HeadingIds ids = new HeadingIds();

        assertThat(ids.next("a-1")).isEqualTo("a-1");
        assertThat(ids.next("a")).isEqualTo("a");
        assertThat(ids.next("a")).isEqualTo("a-2");
    }
}
