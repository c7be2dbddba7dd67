package dev.inkstone.http;

import dev.inkstone.auth.Role;
import dev.inkstone.search.HeldExecutor;
import dev.inkstone.search.SearchSettings;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code GET /api/search} against the real server. The index is built and advanced on the calling thread (or held
 * back), so every assertion sees exactly the work that was let run; no test sleeps.
 */
class SearchApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    Path index;
    TestServer server;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir.resolve("repo"));
        repo.write("index.md", "---\ntitle: 首页\n---\n欢迎来到知识库。\n");
        repo.writeAll(Map.of(
                "ai/index.md", "---\ntitle: AI\nsummary: 人工智能板块\n---\n## 概览\n\nModels and agents.\n",
                "ai/rag.md", "---\ntitle: RAG 检索增强生成\ntags: [RAG, 检索]\n---\n## 基本流程\n\n"
                        + "RAG 在回答之前先检索相关片段,再用 `a < b & c` 这样的规则排序。\n",
                "ai/attention.md", "---\ntitle: 注意力机制\n---\n注意力机制是 Transformer 的核心。\n",
                "aix/other.md", "---\ntitle: Elsewhere\n---\n检索 outside the ai section.\n"));
        repo.commit("first");
        index = dir.resolve("search");
        server = start(Runnable::run);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private TestServer start(Executor executor) {
        return TestServer.start(repo, new SearchSettings(index, executor));
    }

    private JsonPath search(String query) {
        return search(query, "");
    }

    private JsonPath search(String query, String more) {
        return given().spec(server.spec()).get("/api/search?q=" + encode(query) + more).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> paths(String query) {
        return search(query, "&limit=100").getList("items.path");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private RequestSpecification as(String token) {
        return given().spec(server.spec()).header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private String blob(String path) {
        return repo.git("rev-parse", "main:" + path);
    }

    @Test
    void hitsCarryTitleBreadcrumbsScoreHighlightedSnippetsAndTheRevision() {
        JsonPath answer = search("RAG 检索");
        assertThat(answer.getString("query")).isEqualTo("RAG 检索");
        assertThat(answer.getString("revision")).isEqualTo(repo.git("rev-parse", "main"));
        assertThat(answer.getInt("total")).isEqualTo(1);
        assertThat(answer.getString("next")).isNull();
        assertThat(answer.getString("items[0].path")).isEqualTo("ai/rag");
        assertThat(answer.getString("items[0].title")).isEqualTo("RAG 检索增强生成");
        assertThat(answer.getList("items[0].breadcrumbs.path")).containsExactly("", "ai");
        assertThat(answer.getList("items[0].breadcrumbs.title")).containsExactly("首页", "AI");
        assertThat(answer.getFloat("items[0].score")).isPositive();
        assertThat(answer.getList("items[0].snippets", String.class)).singleElement().asString()
                .contains("<mark>RAG</mark>", "<mark>检索</mark>", "a &lt; b &amp; c").doesNotContain("<code>");
    }

    @Test
    void theTitleWeighsMostAndEveryWordMustMatch() {
        assertThat(paths("注意力")).containsExactly("ai/attention");
        assertThat(paths("检索")).first().isEqualTo("ai/rag");
        assertThat(paths("检索 注意力")).isEmpty();
    }

    @Test
    void sectionCoversWholePathSegmentsOnly() {
        assertThat(paths("检索")).containsExactlyInAnyOrder("ai/rag", "aix/other");
        assertThat(search("检索", "&section=ai").getList("items.path")).containsExactly("ai/rag");
        assertThat(search("检索", "&section=aix").getList("items.path")).containsExactly("aix/other");
        assertThat(search("人工智能", "&section=ai").getList("items.path")).containsExactly("ai");
        assertThat(search("检索", "&section=a").getList("items.path")).isEmpty();
        given().spec(server.spec()).get("/api/search?q=x&section=../etc").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.INVALID_PATH.uri()));
    }

    @Test
    void cursorPagesThroughAllHitsAndEndsWithNull() {
        for (int i = 0; i < 12; i++) {
            repo.write("many/p" + i + ".md", "# Page " + i + "\n\n" + "墨砚 ".repeat(1 + i % 3) + "\n");
        }
        repo.commit("many");
        List<String> seen = new ArrayList<>();
        String more = "&limit=5";
        for (int page = 0; page < 3; page++) {
            JsonPath answer = search("墨砚", more);
            assertThat(answer.getInt("total")).isEqualTo(12);
            seen.addAll(answer.getList("items.path"));
            more = "&limit=5&cursor=" + answer.getString("next");
        }
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        assertThat(search("墨砚", "&limit=12").getString("next")).isNull();
    }

    @Test
    void badParametersAreProblems() {
        for (String bad : List.of("", "?q=", "?q=%20%20", "?q=x&limit=0", "?q=x&limit=101", "?q=x&limit=ten",
                "?q=x&cursor=not-ours", "?q=" + "a".repeat(257))) {
            given().spec(server.spec()).get("/api/search" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(ProblemType.INVALID_PARAMETER.uri()));
        }
    }

    @Test
    void queriesThatDoNotParseAreAnsweredNeverWithA500() {
        for (String odd : List.of("\"", "\"检索", "-", "*", "**", "\\", "(((", ")", "~", "+", "|", "-检索", "检索*",
                "title:x", "[a TO b]", "😀", "a".repeat(256), "检 索 ".repeat(40), "x ".repeat(128))) {
            given().spec(server.spec()).get("/api/search?q=" + encode(odd)).then()
                    .statusCode(anyOf(equalTo(200), equalTo(400)));
        }
        assertThat(paths("\"检索")).contains("ai/rag");
        assertThat(paths("检索 -RAG")).containsExactly("aix/other");
        assertThat(paths("Transfor*")).containsExactly("ai/attention");
        assertThat(paths("\"注意力机制\"")).containsExactly("ai/attention");
    }

    @Test
    void answersRevalidateWithTheirETag() {
        String etag = given().spec(server.spec()).get("/api/search?q=RAG").then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");
        given().spec(server.spec()).header("If-None-Match", etag).get("/api/search?q=RAG").then().statusCode(304);
    }

    @Test
    void unavailableWithRetryAfterUntilTheFirstBuildIsDone() {
        server.close();
        HeldExecutor held = new HeldExecutor();
        deleteIndex();
        server = start(held);
        given().spec(server.spec()).get("/api/search?q=RAG").then().statusCode(503)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.UNAVAILABLE.uri()))
                .header("Retry-After", notNullValue());
        assertThat(Integer.parseInt(given().spec(server.spec()).get("/api/search?q=RAG").header("Retry-After")))
                .isBetween(1, 60);
        held.runAll();
        assertThat(paths("RAG")).containsExactly("ai/rag");
    }

    @Test
    void editsThroughTheApiAreSearchableAtOnce() {
        String editor = server.token("Erin Editor", Role.EDITOR);
        as(editor).body(Map.of("content", "---\ntitle: 墨砚笔记\n---\n第一版正文 inkstone.\n"))
                .put("/api/pages/notes/ink").then().statusCode(201);
        assertThat(paths("墨砚")).containsExactly("notes/ink");

        as(editor).body(Map.of("content", "---\ntitle: 砚台笔记\n---\n第二版正文。\n", "sha", blob("notes/ink.md")))
                .put("/api/pages/notes/ink").then().statusCode(200);
        assertThat(paths("墨砚")).isEmpty();
        assertThat(paths("第二版")).containsExactly("notes/ink");

        as(editor).body(Map.of("from", "notes/ink", "to", "notes/stone", "sha", blob("notes/ink.md")))
                .post("/api/move").then().statusCode(200);
        assertThat(paths("第二版")).containsExactly("notes/stone");

        as(editor).delete("/api/pages/notes/stone?sha=" + blob("notes/stone.md")).then().statusCode(200);
        assertThat(paths("第二版")).isEmpty();
        assertThat(paths("notes")).as("the generated section left with its last page").isEmpty();
        assertThat(search("RAG").getString("revision")).isEqualTo(repo.git("rev-parse", "main"));
    }

    @Test
    void aCommitMadeWithTheGitCliIsFoundOnTheNextSearch() {
        repo.write("cli/page.md", "# 命令行\n\nCommitted with plain git 墨砚.\n");
        repo.git("add", "-A");
        repo.git("commit", "-m", "from the command line");
        JsonPath answer = search("墨砚");
        assertThat(answer.getList("items.path")).containsExactly("cli/page");
        assertThat(answer.getString("revision")).isEqualTo(repo.git("rev-parse", "main"));
    }

    @Test
    void aDeletedIndexFolderIsRebuilt() {
        deleteIndex();
        assertThat(paths("注意力")).containsExactly("ai/attention");
        assertThat(index.resolve("write.lock")).exists();
        repo.write("later.md", "# Later\n\n注意力 again.\n").commit("after the rebuild");
        assertThat(paths("注意力")).containsExactlyInAnyOrder("ai/attention", "later");
    }

    @Test
    void aDamagedIndexIsRebuiltAfterARestart() throws IOException {
        server.close();
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : (Iterable<Path>) files.filter(f -> !f.endsWith("write.lock"))::iterator) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.seek(raf.length() / 2);
                    raf.write(new byte[] {0x13, 0x37, 0x13, 0x37});
                }
            }
        }
        HeldExecutor held = new HeldExecutor();
        server = start(held);
        given().spec(server.spec()).get("/api/search?q=RAG").then().statusCode(503);
        held.runAll();
        given().spec(server.spec()).get("/api/search?q=RAG").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1)).body("items[0].path", equalTo("ai/rag"));
    }

    private void deleteIndex() {
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
