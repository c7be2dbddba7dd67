package dev.inkstone.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    private final FrontMatterParser parser = new FrontMatterParser();

    @Test
    void valuesKeepFileOrder() throws Exception {
        FrontMatter parsed = parser.parse("---\ntitle: RAG\norder: 3\ndraft: false\ntags: [a, b]\n---\n# Body\n");

        assertThat(parsed.values()).containsExactly(Map.entry("title", "RAG"), Map.entry("order", 3),
                Map.entry("draft", false), Map.entry("tags", List.of("a", "b")));
        assertThat(parsed.body()).isEqualTo("# Body\n");
        assertThat(parsed.bodyStartLine()).isEqualTo(7);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void fileWithoutFrontMatterIsAllBody() throws Exception {
        FrontMatter parsed = parser.parse("# Title\n\ntext\n");

        assertThat(parsed.values()).isEmpty();
        assertThat(parsed.body()).isEqualTo("# Title\n\ntext\n");
        assertThat(parsed.bodyStartLine()).isEqualTo(1);
    }

    @Test
    void crlfAndBomAreAccepted() throws Exception {
        FrontMatter parsed = parser.parse("\uFEFF---\r\ntitle: 注意力\r\n---\r\nline one\r\nline two\r\n");

        assertThat(parsed.values()).containsExactly(Map.entry("title", "注意力"));
        assertThat(parsed.body()).isEqualTo("line one\nline two\n");
        assertThat(parsed.bodyStartLine()).isEqualTo(4);
    }

    @Test
    void bomIsStrippedWithoutFrontMatter() throws Exception {
        assertThat(parser.parse("\uFEFF# T\r\n").body()).isEqualTo("# T\n");
    }

    @Test
    void fencesMayHaveTrailingSpacesAndCloseWithDots() throws Exception {
        FrontMatter parsed = parser.parse("---  \ntitle: x\n...\t\nbody");

        assertThat(parsed.values()).containsEntry("title", "x");
        assertThat(parsed.body()).isEqualTo("body");
        assertThat(parsed.bodyStartLine()).isEqualTo(4);
    }

    @Test
    void unclosedFrontMatterIsBodyWithAWarning() throws Exception {
        FrontMatter parsed = parser.parse("---\ntitle: x\n\n# Heading\n");

        assertThat(parsed.values()).isEmpty();
        assertThat(parsed.body()).isEqualTo("---\ntitle: x\n\n# Heading\n");
        assertThat(parsed.bodyStartLine()).isEqualTo(1);
        assertThat(parsed.warnings()).singleElement().asString().contains("no closing");
    }

    @Test
    void emptyFrontMatterIsAnEmptyMap() throws Exception {
        FrontMatter parsed = parser.parse("---\n---\nbody\n");

        assertThat(parsed.values()).isEmpty();
        assertThat(parsed.body()).isEqualTo("body\n");
        assertThat(parsed.bodyStartLine()).isEqualTo(3);
    }

    @Test
    void closingFenceOnLastLineLeavesEmptyBody() throws Exception {
        FrontMatter parsed = parser.parse("---\na: 1\n---");

        assertThat(parsed.body()).isEmpty();
        assertThat(parsed.bodyStartLine()).isEqualTo(4);
    }

    @Test
    void datesBecomeIsoStrings() throws Exception {
        FrontMatter parsed = parser.parse("---\ndate: 2024-01-05\n"
                + "updated: 2024-01-05T10:20:30Z\nzoned: 2001-12-14 21:59:43.10 -5\n---\n");

        assertThat(parsed.values()).containsEntry("date", "2024-01-05")
                .containsEntry("updated", "2024-01-05T10:20:30Z")
                .containsEntry("zoned", "2001-12-14T21:59:43.1-05:00");
    }

    @Test
    void nestedValuesArePlainMapsAndLists() throws Exception {
        FrontMatter parsed = parser.parse("---\nauthor:\n  name: Li\n  since: 2020-02-02\nratio: 0.5\n"
                + "big: 12345678901\n1: numeric key\n---\n");

        assertThat(parsed.values().get("author")).isEqualTo(Map.of("name", "Li", "since", "2020-02-02"));
        assertThat(parsed.values()).containsEntry("ratio", 0.5).containsEntry("big", 12345678901L)
                .containsEntry("1", "numeric key");
    }

    @Test
    void malformedYamlReportsItsPositionInTheFile() {
        FrontMatterException error = catchThrowableOfType(FrontMatterException.class,
                () -> parser.parse("---\ntitle: ok\ntags: [a, b\nnext: x\n---\nbody\n"));

        assertThat(error.getMessage()).startsWith("front matter is not valid YAML");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isGreaterThan(0);
    }

    @Test
    void errorColumnIsOneBased() {
        FrontMatterException error = catchThrowableOfType(FrontMatterException.class,
                () -> parser.parse("---\ntitle: a: b\n---\n"));

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(9);
    }

    @Test
    void duplicateKeysAreRejected() {
        FrontMatterException error = catchThrowableOfType(FrontMatterException.class,
                () -> parser.parse("---\ntitle: a\ntitle: b\n---\n"));

        assertThat(error.getMessage()).contains("duplicate key");
        assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void listIsNotAMapping() {
        assertThatThrownBy(() -> parser.parse("---\n- a\n- b\n---\n"))
                .isInstanceOf(FrontMatterException.class)
                .hasMessageContaining("mapping");
    }

    @Test
    void scalarIsNotAMapping() {
        assertThatThrownBy(() -> parser.parse("---\njust text\n---\n")).isInstanceOf(FrontMatterException.class);
    }

    @Test
    void oversizedFrontMatterIsRefusedUnparsed() {
        String huge = "---\n" + "k: v\n".repeat(FrontMatterParser.MAX_BYTES / 5 + 1) + "---\nbody";

        assertThatThrownBy(() -> parser.parse(huge))
                .isInstanceOf(FrontMatterException.class)
                .hasMessage("front matter too large");
    }

    @Test
    void aliasBombFailsFast() {
        String bomb = """
                ---
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                ---
                body
                """;

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> parser.parse(bomb)).isInstanceOf(FrontMatterException.class));
    }

    @Test
    void deepNestingFailsFast() {
        String deep = "---\nk: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n";

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> parser.parse(deep)).isInstanceOf(FrontMatterException.class));
    }

    @Test
    void arbitraryTagsAreRefused() {
        assertThatThrownBy(() -> parser.parse("---\nx: !!java.io.File /etc/passwd\n---\n"))
                .isInstanceOf(FrontMatterException.class);
    }
}
