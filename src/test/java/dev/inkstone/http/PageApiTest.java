package dev.inkstone.http;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

class PageApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of(
                "index.md", "---\ntitle: 首页\nsummary: The start\n---\nWelcome, see [RAG](ai/rag.md).\n",
                "ai/index.md", "---\ntitle: AI\nsubtitle: Machines\nicon: \"🤖\"\ntags: [ml, ai]\n"
                        + "custom: value\norder: 1\n---\n## 概览\n\nText\n",
                "ai/rag.md", "---\ntitle: RAG 检索\nsummary: Retrieval\norder: 2\n---\n"
                        + "## 检索 增强\n\n### 示例\n\n### 示例\n\n## Setup & Run!\n",
                "ai/attention.md", "---\ntitle: Attention\norder: 1\n---\nbody\n",
                "ai/hidden.md", "---\ntitle: Hidden\nhidden: true\n---\nsecret\n",
                "heading-only.md", "Intro line\n\n# From The Heading\n\ntext\n",
                "plain-name.md", "no title here\n",
                "lab/sub/page.md", "---\ntitle: Deep page\n---\n"));
        repo.commit("first");
        server = TestServer.start(repo);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private JsonPath page(String path) {
        return given().spec(server.spec()).get("/api/pages/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pageCarriesFrontMatterFieldsAndKeepsUnknownKeysInMeta() {
        JsonPath json = page("ai");
        assertThat(json.getString("title")).isEqualTo("AI");
        assertThat(json.getString("subtitle")).isEqualTo("Machines");
        assertThat(json.getString("icon")).isEqualTo("🤖");
        assertThat(json.getList("tags")).containsExactly("ml", "ai");
        assertThat(json.getMap("meta")).containsExactly(Map.entry("custom", "value"));
        assertThat(json.getString("sourcePath")).isEqualTo("ai/index.md");
        assertThat(json.getList("warnings")).isEmpty();
    }

    @Test
    void homeIsServedAtBothRootUrls() {
        assertThat(given().spec(server.spec()).get("/api/pages").then().statusCode(200).extract()
                .jsonPath().getString("title")).isEqualTo("首页");
        assertThat(page("").getString("path")).isEmpty();
        assertThat(page("").getList("breadcrumbs")).isEmpty();
    }

    @Test
    void breadcrumbsListAncestorsHomeFirst() {
        JsonPath json = page("ai/rag");
        assertThat(json.getList("breadcrumbs.path")).containsExactly("", "ai");
        assertThat(json.getList("breadcrumbs.title")).containsExactly("首页", "AI");
    }

    @Test
    void childrenAreVisibleCardsInNavOrder() {
        JsonPath json = page("ai");
        assertThat(json.getList("children.path")).containsExactly("ai/attention", "ai/rag");
        assertThat(json.getString("children[1].summary")).isEqualTo("Retrieval");
    }

    @Test
    void hiddenPageIsStillServed() {
        assertThat(page("ai/hidden").getString("title")).isEqualTo("Hidden");
    }

    @Test
    void titleFallsBackToFirstHeadingThenFileName() {
        assertThat(page("heading-only").getString("title")).isEqualTo("From The Heading");
        assertThat(page("plain-name").getString("title")).isEqualTo("plain-name");
    }

    @Test
    void chineseHeadingIdsAreReadableAndRepeatsNumbered() {
        JsonPath json = page("ai/rag");
        assertThat(json.getList("toc.id")).containsExactly("检索-增强", "示例", "示例-1", "setup--run");
        assertThat(json.getList("toc.level")).containsExactly(2, 3, 3, 2);
        assertThat(json.getString("html")).contains("id=\"示例-1\"");
    }

    @Test
    void generatedSectionHasNoSourceAndListsItsChildren() {
        JsonPath json = page("lab");
        assertThat(json.getString("title")).isEqualTo("lab");
        assertThat(json.getString("sha")).isNull();
        assertThat(json.getString("sourcePath")).isNull();
        assertThat(json.getString("html")).isEmpty();
        assertThat(json.getList("children.path")).containsExactly("lab/sub");
        assertThat(json.getString("updated.commit")).isEqualTo(repo.git("log", "-1", "--format=%H", "--", "lab"));
    }

    @Test
    void shaAndUpdatedMatchTheGitCli() {
        repo.write("ai/rag.md", "---\ntitle: RAG 检索\n---\nchanged\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "edit rag");
        String head = repo.git("rev-parse", "HEAD");
        JsonPath rag = page("ai/rag");
        assertThat(rag.getString("sha")).isEqualTo(repo.git("rev-parse", head + ":ai/rag.md"));
        assertThat(rag.getString("revision")).isEqualTo(head);
        assertThat(rag.getString("updated.commit")).isEqualTo(repo.git("log", "-1", "--format=%H", "--", "ai/rag.md"));
        assertThat(rag.getString("updated.date")).isEqualTo(repo.git("log", "-1", "--format=%aI", "--", "ai/rag.md"));
        assertThat(rag.getString("updated.author.name")).isEqualTo("Carol Cli");
        JsonPath attention = page("ai/attention");
        assertThat(attention.getString("updated.commit"))
                .isEqualTo(repo.git("log", "-1", "--format=%H", "--", "ai/attention.md"));
        assertThat(attention.getString("updated.date"))
                .isEqualTo(repo.git("log", "-1", "--format=%aI", "--", "ai/attention.md"));
        assertThat(attention.getString("updated.author.email")).isEqualTo("alice@example.com");
    }

    @Test
    void commitMadeWithTheGitCliIsServedOnTheNextRequest() {
        assertThat(page("ai/rag").getString("html")).doesNotContain("brand new");
        repo.write("ai/rag.md", "brand new text\n");
        repo.write("ai/new.md", "---\ntitle: New\n---\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "cli commit");
        assertThat(page("ai/rag").getString("html")).contains("brand new text");
        assertThat(page("ai").getList("children.path")).contains("ai/new");
    }

    @Test
    void relativeLinksBecomePageUrls() {
        assertThat(page("").getString("html")).contains("href=\"/ai/rag\"");
    }

    @Test
    void bomAndCrlfAreAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "---\r\ntitle: Windows\r\norder: 5\r\n---\r\n## Part\r\n\r\nline\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        repo.writeBytes("win.md", all);
        repo.commit("windows file");
        JsonPath json = page("win");
        assertThat(json.getString("title")).isEqualTo("Windows");
        assertThat(json.getList("toc.text")).containsExactly("Part");
        assertThat(json.getList("warnings")).isEmpty();
        byte[] source = given().spec(server.spec()).get("/api/source/win").then().statusCode(200)
                .contentType("text/markdown; charset=utf-8").extract().asByteArray();
        assertThat(source).isEqualTo(all);
    }

    @Test
    void unicodePathsWorkRawAndPercentEncoded() {
        repo.write("文档/注意力 机制.md", "---\ntitle: 注意力\n---\n");
        repo.commit("unicode");
        assertThat(page("%E6%96%87%E6%A1%A3/%E6%B3%A8%E6%84%8F%E5%8A%9B%20%E6%9C%BA%E5%88%B6").getString("title"))
                .isEqualTo("注意力");
        assertThat(page("%E6%96%87%E6%A1%A3%2F%E6%B3%A8%E6%84%8F%E5%8A%9B%20%E6%9C%BA%E5%88%B6").getString("path"))
                .isEqualTo("文档/注意力 机制");
    }

    @Test
    void sourceAndFilesAnswerWithBlobIdEtags() {
        repo.writeBytes("images/dot.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        String head = repo.commit("image");
        String blob = repo.git("rev-parse", head + ":images/dot.png");
        given().spec(server.spec()).get("/api/files/images/dot.png").then().statusCode(200)
                .contentType("image/png").header("ETag", "\"" + blob + "\"");
        given().spec(server.spec()).get("/api/source/ai/rag").then().statusCode(200)
                .header("ETag", "\"" + repo.git("rev-parse", head + ":ai/rag.md") + "\"");
    }
}
