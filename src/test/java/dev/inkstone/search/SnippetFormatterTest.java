package dev.inkstone.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetFormatterTest {

    private final SnippetFormatter formatter = new SnippetFormatter();

    /** A passage over {@code [start, end)} of the content with the given match offsets (start, end, start, end…). */
    private static Passage passage(int start, int end, int... matches) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(end);
        for (int i = 0; i < matches.length; i += 2) {
            passage.addMatch(matches[i], matches[i + 1], new BytesRef("x"), 1);
        }
        return passage;
    }

    private String format(String content, Passage passage) {
        return formatter.format(new Passage[] {passage}, content).texts().get(0);
    }

    @Test
    void matchesAreMarkedAndTheRestEscaped() {
        String content = "a < b & \"c\" matters";
        assertThat(format(content, passage(0, content.length(), 12, 19)))
                .isEqualTo("a &lt; b &amp; &quot;c&quot; <mark>matters</mark>");
    }

    @Test
    void overlappingBigramMatchesBecomeOneMark() {
        String content = "注意力机制是核心";
        assertThat(format(content, passage(0, content.length(), 0, 2, 1, 3, 2, 4, 3, 5)))
                .isEqualTo("<mark>注意力机制</mark>是核心");
    }

    @Test
    void touchingMatchesBecomeOneMarkButSeparateOnesStaySeparate() {
        String content = "检索增强 与 检索";
        assertThat(format(content, passage(0, content.length(), 0, 2, 2, 4, 7, 9)))
                .isEqualTo("<mark>检索增强</mark> 与 <mark>检索</mark>");
    }

    @Test
    void aPassageInsideTheTextIsFramedByEllipses() {
        String content = "First sentence. The match is here. Last one.";
        assertThat(format(content, passage(16, 35, 20, 25))).isEqualTo("… The <mark>match</mark> is here. …");
    }

    @Test
    void aLongPassageIsCutToAWindowAroundItsFirstMatch() {
        String content = "x".repeat(300) + "TARGET" + "y".repeat(300);
        String snippet = format(content, passage(0, content.length(), 300, 306));
        assertThat(snippet).startsWith("… x").endsWith("y …").contains("<mark>TARGET</mark>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length())
                .isLessThanOrEqualTo(SnippetFormatter.MAX_WIDTH + 4);
    }

    @Test
    void cjkTextCountsDoubleSoItsWindowHoldsHalfAsManyCharacters() {
        String content = "前".repeat(200) + "注意力" + "后".repeat(200);
        String snippet = format(content, passage(0, content.length(), 200, 203));
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length())
                .isLessThanOrEqualTo(SnippetFormatter.MAX_WIDTH / 2 + 4);
    }

    @Test
    void passagesWithoutMatchesAreKeptButNotReportedAsMarked() {
        SnippetFormatter.Snippets snippets = formatter.format(new Passage[] {passage(0, 13)}, "Just a start. Then more.");
        assertThat(snippets.texts()).containsExactly("Just a start. …");
        assertThat(snippets.marked()).isFalse();
    }

    @Test
    void valuesOfAMultiValuedFieldAreSeparatedBySpaces() {
        String content = "Subtitle\u2029Summary text";
        assertThat(format(content, passage(0, content.length(), 9, 16)))
                .isEqualTo("Subtitle <mark>Summary</mark> text");
    }
}
