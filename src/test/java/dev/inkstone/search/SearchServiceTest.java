package dev.inkstone.search;

import dev.inkstone.testing.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a query finds and how it is shown, over a small site written for each behaviour. */
class SearchServiceTest {

    @TempDir
    Path dir;
    TestRepo repo;
    SearchService search;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir.resolve("repo"));
        repo.write("index.md", "---\ntitle: 首页\n---\n欢迎。\n");
        repo.writeAll(Map.of(
                "travel/helsinki.md", "---\ntitle: 北欧之行\n---\n我在赫尔辛基大学听了一门课。\n",
                "ai/index.md", "---\ntitle: AI\nsummary: 知识图谱与检索的总览\n---\nOverview of the section.\n",
                "ai/kg.md", "---\ntitle: Graphs\n---\n知识图谱把实体连起来。\n",
                "ai/tokens.md", "---\ntitle: Tokens\n---\nTokenizers are running over the corpus. Reflexion helps.\n",
                "ai/phrases.md", "---\ntitle: Phrases\n---\nmachine learning is fun\n",
                "ai/other-phrases.md", "---\ntitle: More\n---\nlearning about a machine\n",
                "ai/code.md", "---\ntitle: Code\n---\nCompare `a < b && c > d` carefully.\n",
                "ai/secret.md", "---\ntitle: Secret\nhidden: true\n---\n赫尔辛基 secret plans.\n",
                "aix/other.md", "---\ntitle: Elsewhere\n---\n知识图谱 outside the ai section.\n",
                "lab/sub/deep.md", "---\ntitle: Deep\n---\nNothing here.\n"));
        repo.commit("site");
        search = new SearchService(SampleRepo.sites(repo), new SearchSettings(dir.resolve("search"), Runnable::run));
        search.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        search.close();
        repo.close();
    }

    private SearchResults find(String query) {
        return search.search(new SearchRequest(query, "", 100, null));
    }

    private List<String> paths(String query) {
        return find(query).items().stream().map(SearchHit::path).toList();
    }

    @Test
    void bigramsFindPartsOfWordsTheDictionaryKeepsWhole() {
        // smartcn reads 赫尔辛基 as one word and 辛基 as two characters: only the bigram field links them.
        assertThat(paths("辛基")).containsExactly("travel/helsinki");
        assertThat(paths("知识图")).contains("ai/kg");
    }

    @Test
    void englishIsStemmedSoOtherFormsMatch() {
        assertThat(paths("tokenizer")).containsExactly("ai/tokens");
        assertThat(paths("run")).containsExactly("ai/tokens");
    }

    @Test
    void quotedPhraseMustAppearAsWritten() {
        assertThat(paths("machine learning")).containsExactlyInAnyOrder("ai/phrases", "ai/other-phrases");
        assertThat(paths("\"machine learning\"")).containsExactly("ai/phrases");
    }

    @Test
    void minusExcludesPages() {
        assertThat(paths("learning -fun")).containsExactly("ai/other-phrases");
    }

    @Test
    void starMatchesAPrefix() {
        assertThat(paths("Reflex*")).containsExactly("ai/tokens");
        assertThat(paths("machin*")).containsExactlyInAnyOrder("ai/phrases", "ai/other-phrases");
    }

    @Test
    void everyWordMustMatchSomewhere() {
        assertThat(paths("知识图谱 总览")).containsExactly("ai");
    }

    @Test
    void queriesThatDoNotParseAreSearchedAsWords() {
        assertThat(paths("\"machine learning")).containsExactlyInAnyOrder("ai/phrases", "ai/other-phrases");
        assertThat(paths("知识图谱)")).contains("ai/kg");
        for (String odd : List.of("\"", "-", "--", "*", "**", "\\", "((((", ")", "~", "~2", "+", "|", "a~", "\"\"",
                "-*", "*a", "知识\\", "title:x", "[a TO b]", "😀", "‮", "\u0000", "AND OR NOT", "a".repeat(256))) {
            assertThat(find(odd).total()).as(odd).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void fullWidthSpacesSeparateWordsToo() {
        assertThat(paths("知识图谱\u3000总览")).containsExactly("ai");
    }

    @Test
    void hiddenPagesAreNotSearched() {
        assertThat(paths("赫尔辛基")).containsExactly("travel/helsinki");
        assertThat(paths("secret")).isEmpty();
    }

    @Test
    void aStarAloneListsEveryPageThatIsNotHidden() {
        assertThat(paths("*")).hasSize(14).doesNotContain("ai/secret").contains("", "ai", "lab", "lab/sub");
    }

    @Test
    void generatedSectionsAreFoundByTheirFolderName() {
        assertThat(paths("sub")).containsExactly("lab/sub");
    }

    @Test
    void sectionCoversItsPageAndEverythingUnderItButNotItsNamesakes() {
        List<String> inAi = search.search(new SearchRequest("知识图谱", "ai", 100, null)).items().stream()
                .map(SearchHit::path).toList();
        assertThat(inAi).containsExactlyInAnyOrder("ai", "ai/kg");
        assertThat(paths("知识图谱")).contains("aix/other");
    }

    @Test
    void snippetsMarkMatchesAndEscapeTheText() {
        SearchHit hit = find("carefully").items().get(0);
        assertThat(hit.snippets()).containsExactly("Compare a &lt; b &amp;&amp; c &gt; d <mark>carefully</mark>.");
    }

    @Test
    void cjkMatchesAreMarkedWhole() {
        assertThat(find("知识图谱").items().stream().filter(hit -> hit.path().equals("ai/kg")).findFirst().orElseThrow()
                .snippets()).containsExactly("<mark>知识图谱</mark>把实体连起来。");
    }

    @Test
    void theBodyIsMarkedWhereItMatchesEvenWhenOtherWordsMatchedElsewhere() {
        assertThat(find("Graphs 知识图谱").items()).singleElement()
                .satisfies(hit -> assertThat(hit.snippets()).containsExactly("<mark>知识图谱</mark>把实体连起来。"));
        assertThat(find("learning -fun").items()).singleElement()
                .satisfies(hit -> assertThat(hit.snippets()).containsExactly("<mark>learning</mark> about a machine"));
    }

    @Test
    void aMatchOnlyInTheSummaryShowsTheSummary() {
        SearchHit hit = search.search(new SearchRequest("总览", "", 10, null)).items().get(0);
        assertThat(hit.path()).isEqualTo("ai");
        assertThat(hit.snippets()).containsExactly("知识图谱与检索的<mark>总览</mark>");
    }

    @Test
    void aMatchOnlyInTheTitleShowsTheStartOfTheBody() {
        SearchHit hit = find("Graphs").items().get(0);
        assertThat(hit.title()).isEqualTo("Graphs");
        assertThat(hit.snippets()).containsExactly("知识图谱把实体连起来。");
    }

    @Test
    void hitsCarryTitleBreadcrumbsAndTheRevisionSearched() {
        SearchResults results = find("辛基");
        assertThat(results.revision()).isEqualTo(repo.git("rev-parse", "main"));
        SearchHit hit = results.items().get(0);
        assertThat(hit.title()).isEqualTo("北欧之行");
        assertThat(hit.breadcrumbs()).extracting("path").containsExactly("", "travel");
        assertThat(hit.breadcrumbs()).extracting("title").containsExactly("首页", "travel");
    }

    @Test
    void cursorPagesThroughEveryHitOnce() {
        for (int i = 0; i < 23; i++) {
            repo.write("many/p" + i + ".md", "---\ntitle: Page " + i + "\n---\n墨砚 " + "墨砚 ".repeat(i % 4) + "\n");
        }
        repo.commit("many");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            SearchResults page = search.search(new SearchRequest("墨砚", "", 10, cursor));
            assertThat(page.total()).isEqualTo(23);
            page.items().forEach(hit -> seen.add(hit.path()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
    }
}
