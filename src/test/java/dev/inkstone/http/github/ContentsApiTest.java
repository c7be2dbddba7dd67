package dev.inkstone.http.github;

import dev.inkstone.auth.Role;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The Contents API reads and writes files with GitHub's shapes and strict shas; the git CLI witnesses the commits. */
class ContentsApiTest {

    static final String CONTENTS = "/repos/inkstone/content/contents/";
    static final String INTRO = "# 指南 🚀\n\n正文第一行 ✨\n";
    static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;
    String editor;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of(
                "index.md", "# Home\n",
                "guide/index.md", "---\ntitle: Guide\n---\nGuide body\n",
                "guide/intro.md", INTRO,
                "guide/deep/more.md", "# More\n"));
        repo.writeBytes("images/logo.png", LOGO);
        repo.commit("seed");
        server = TestServer.start(repo);
        editor = server.token("Erin Editor", Role.EDITOR);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private RequestSpecification as(String token) {
        return given().spec(server.spec()).header("Authorization", "token " + token).contentType("application/json");
    }

    private String blob(String path) {
        return repo.git("rev-parse", "main:" + path);
    }

    private String head() {
        return repo.git("rev-parse", "main");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fileIsAnsweredWithGitHubsFieldsAndBase64InLinesOfSixty() {
        String text = INTRO.repeat(4);
        repo.write("guide/intro.md", text);
        repo.commit("longer");
        JsonPath file = given().spec(server.spec()).get(CONTENTS + "guide/intro.md").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        String content = file.getString("content");
        assertThat(content.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(content).endsWith("\n");
        assertThat(content.split("\n")[0]).hasSize(60);
        assertThat(new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(file.getString("type")).isEqualTo("file");
        assertThat(file.getString("encoding")).isEqualTo("base64");
        assertThat(file.getInt("size")).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(file.getString("name")).isEqualTo("intro.md");
        assertThat(file.getString("path")).isEqualTo("guide/intro.md");
        assertThat(file.getString("sha")).isEqualTo(blob("guide/intro.md"));
        String base = server.baseUri();
        assertThat(file.getString("url")).isEqualTo(base + CONTENTS + "guide/intro.md?ref=main");
        assertThat(file.getString("git_url")).isEqualTo(base + "/repos/inkstone/content/git/blobs/"
                + blob("guide/intro.md"));
        assertThat(file.getString("html_url")).isEqualTo(base + "/api/pages/guide/intro");
        assertThat(file.getString("download_url")).isEqualTo(base + "/api/files/guide/intro.md");
        assertThat(file.getMap("_links")).isEqualTo(Map.of("self", file.getString("url"),
                "git", file.getString("git_url"), "html", file.getString("html_url")));
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        var get = given().baseUri(server.baseUri()).get(CONTENTS + "guide/intro.md").then().statusCode(200)
                .extract();
        var head = given().baseUri(server.baseUri()).head(CONTENTS + "guide/intro.md").then().statusCode(200)
                .extract();
        assertThat(head.contentType()).isEqualTo(get.contentType());
        assertThat(head.body().asByteArray()).isEmpty();
        given().baseUri(server.baseUri()).head(CONTENTS + "guide/missing.md").then().statusCode(404);
    }

    @Test
    void folderIsAnArrayOfEntriesInGitOrder() {
        List<Map<String, Object>> entries = given().spec(server.spec()).get(CONTENTS + "guide").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(entries).extracting(e -> e.get("name") + ":" + e.get("type"))
                .containsExactly("deep:dir", "index.md:file", "intro.md:file");
        Map<String, Object> deep = entries.get(0);
        assertThat(deep.get("sha")).isEqualTo(repo.git("rev-parse", "main:guide/deep"));
        assertThat(deep.get("download_url")).isNull();
        assertThat(deep.get("size")).isEqualTo(0);
        assertThat(deep.get("html_url")).isEqualTo(server.baseUri() + "/api/pages/guide/deep");
        assertThat(entries.get(2).get("size")).isEqualTo(INTRO.getBytes(StandardCharsets.UTF_8).length);
        assertThat(entries.get(2)).doesNotContainKey("content");
        List<String> root = given().spec(server.spec()).get("/repos/inkstone/content/contents").then()
                .statusCode(200).extract().jsonPath().getList("name");
        assertThat(root).containsExactly("guide", "images", "index.md");
    }

    @Test
    void rawAndHtmlMediaTypesAnswerBytesAndTheRenderedPage() {
        byte[] raw = given().spec(server.spec()).accept("application/vnd.github.raw")
                .get(CONTENTS + "guide/intro.md").then().statusCode(200)
                .contentType("application/vnd.github.raw; charset=utf-8").extract().asByteArray();
        assertThat(raw).isEqualTo(INTRO.getBytes(StandardCharsets.UTF_8));
        byte[] png = given().spec(server.spec()).accept("application/vnd.github.raw+json")
                .get(CONTENTS + "images/logo.png").then().statusCode(200)
                .contentType("application/vnd.github.raw").extract().asByteArray();
        assertThat(png).isEqualTo(LOGO);
        String html = given().spec(server.spec()).accept("application/vnd.github.html")
                .get(CONTENTS + "guide/intro.md").then().statusCode(200)
                .contentType("application/vnd.github.html; charset=utf-8").extract().asString();
        String page = given().spec(server.spec()).get("/api/pages/guide/intro").then().statusCode(200)
                .extract().jsonPath().getString("html");
        assertThat(html).isEqualTo(page).contains("正文第一行 ✨");
    }

    @Test
    void refReadsAnOlderVersionAndAnUnknownRefIs404() {
        String first = head();
        repo.write("guide/intro.md", "# changed\n");
        repo.commit("change");
        JsonPath old = given().spec(server.spec()).get(CONTENTS + "guide/intro.md?ref=" + first).then()
                .statusCode(200).extract().jsonPath();
        assertThat(old.getString("sha")).isEqualTo(repo.git("rev-parse", first + ":guide/intro.md"));
        assertThat(old.getString("url")).endsWith("?ref=" + first);
        assertThat(old.getString("download_url")).endsWith("/api/files/guide/intro.md?ref=" + first);
        given().spec(server.spec()).get(CONTENTS + "guide/intro.md?ref=nope").then().statusCode(404)
                .contentType("application/json").body("message", equalTo("No commit found for the ref nope"))
                .body("documentation_url", equalTo("https://docs.github.com/rest"));
        given().spec(server.spec()).get(CONTENTS + "guide/missing.md").then().statusCode(404)
                .contentType("application/json").body("message", equalTo("Not Found"));
    }

    @Test
    void encodedSlashesAndUtf8InThePathAreDecodedStrictly() {
        repo.write("笔记/你好 世界.md", "# 你好\n");
        repo.commit("chinese path");
        String encoded = "%E7%AC%94%E8%AE%B0%2F%E4%BD%A0%E5%A5%BD%20%E4%B8%96%E7%95%8C.md";
        given().spec(server.spec()).get(CONTENTS + encoded).then().statusCode(200)
                .body("path", equalTo("笔记/你好 世界.md"))
                .body("url", equalTo(server.baseUri() + CONTENTS
                        + "%E7%AC%94%E8%AE%B0/%E4%BD%A0%E5%A5%BD%20%E4%B8%96%E7%95%8C.md?ref=main"));
        given().spec(server.spec()).get(CONTENTS + "guide%2Fintro.md").then().statusCode(200)
                .body("path", equalTo("guide/intro.md"));
        given().spec(server.spec()).get(CONTENTS + "guide%2F..%2F..%2Fsecret.md").then().statusCode(422)
                .contentType("application/json");
    }

    @Test
    void createIs201UpdateIs200AndTheGitCliSeesBothCommits() {
        String text = "---\ntitle: 新页面 🐙\n---\n第一版\n";
        JsonPath created = as(editor).body(Map.of("message", "Create 新页面", "content", base64(text)))
                .put(CONTENTS + "notes/new.md").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("content.sha")).isEqualTo(blob("notes/new.md"));
        assertThat(created.getString("content.path")).isEqualTo("notes/new.md");
        assertThat(created.getString("content.html_url")).isEqualTo(server.baseUri() + "/api/pages/notes/new");
        assertThat(created.getString("commit.sha")).isEqualTo(head());
        assertThat(created.getString("commit.message")).isEqualTo("Create 新页面");
        assertThat(created.getString("commit.tree.sha")).isEqualTo(repo.git("rev-parse", "main^{tree}"));
        assertThat(created.getString("commit.author.name")).isEqualTo("Erin Editor");
        assertThat(created.getString("commit.author.date")).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(created.getString("commit.committer.email")).isEqualTo("inkstone@localhost");
        assertThat(created.getList("commit.parents.sha")).containsExactly(repo.git("rev-parse", "main~1"));
        assertThat(repo.git("show", "main:notes/new.md")).isEqualTo(text.strip());
        assertThat(repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%s"))
                .isEqualTo("Erin Editor <erin.editor@example.com>|Inkstone <inkstone@localhost>|Create 新页面");

        Map<String, Object> update = new HashMap<>(Map.of("message", "Second version", "content",
                base64("# v2 ✨\n"), "sha", created.getString("content.sha")));
        update.put("author", Map.of("name", "Ada Author", "email", "ada@example.com", "date", "2020-01-01T00:00:00Z"));
        update.put("committer", Map.of("name", "Ignored Committer", "email", "ignored@example.com"));
        JsonPath updated = as(editor).body(update).put(CONTENTS + "notes/new.md").then().statusCode(200)
                .extract().jsonPath();
        assertThat(updated.getList("commit.parents.sha")).containsExactly(created.getString("commit.sha"));
        assertThat(repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%s"))
                .isEqualTo("Ada Author <ada@example.com>|Inkstone <inkstone@localhost>|Second version");
        assertThat(repo.git("show", "main:notes/new.md")).isEqualTo("# v2 ✨");
    }

    @Test
    void committerIsTheAuthorWhenNoAuthorIsGiven() {
        as(editor).body(Map.of("message", "By committer", "content", base64("x\n"),
                        "committer", Map.of("name", "Cora Committer", "email", "cora@example.com")))
                .put(CONTENTS + "notes/c.txt").then().statusCode(201);
        assertThat(repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>"))
                .isEqualTo("Cora Committer <cora@example.com>|Inkstone <inkstone@localhost>");
    }

    @Test
    void missingShaOnAnExistingFileIs422AndAStaleShaIs409WithNothingCommitted() {
        String tip = head();
        as(editor).body(Map.of("message", "overwrite", "content", base64("# mine\n")))
                .put(CONTENTS + "guide/intro.md").then().statusCode(422).contentType("application/json")
                .body("message", equalTo("Invalid request.\n\n\"sha\" wasn't supplied."))
                .body("documentation_url", equalTo("https://docs.github.com/rest"));
        String stale = blob("guide/intro.md");
        repo.write("guide/intro.md", INTRO + "changed elsewhere\n");
        repo.commit("someone else");
        String moved = head();
        as(editor).body(Map.of("message", "stale", "content", base64("# mine\n"), "sha", stale))
                .put(CONTENTS + "guide/intro.md").then().statusCode(409).contentType("application/json")
                .body("message", equalTo("guide/intro.md does not match " + stale));
        assertThat(head()).isEqualTo(moved).isNotEqualTo(tip);
        as(editor).body(Map.of("message", "gone", "content", base64("x"), "sha", stale))
                .put(CONTENTS + "guide/never.md").then().statusCode(409);
        assertThat(head()).isEqualTo(moved);
    }

    @Test
    void deleteNeedsTheCurrentShaAndAnswersANullContent() {
        String sha = blob("guide/intro.md");
        as(editor).body(Map.of("message", "Remove")).delete(CONTENTS + "guide/intro.md").then().statusCode(422)
                .body("message", equalTo("Invalid request.\n\n\"sha\" wasn't supplied."));
        as(editor).body(Map.of("message", "Remove", "sha", blob("index.md"))).delete(CONTENTS + "guide/intro.md")
                .then().statusCode(409);
        as(editor).body(Map.of("message", "Remove the intro", "sha", sha)).delete(CONTENTS + "guide/intro.md").then()
                .statusCode(200).body("content", nullValue()).body("commit.sha", equalTo(head()))
                .body("commit.message", equalTo("Remove the intro"));
        assertThat(repo.git("ls-tree", "-r", "--name-only", "main")).doesNotContain("guide/intro.md");
        as(editor).body(Map.of("message", "again", "sha", sha)).delete(CONTENTS + "guide/intro.md").then()
                .statusCode(404).body("message", equalTo("Not Found"));
    }

    @Test
    void badRequestsAreRefusedInGitHubsShape() {
        as(editor).body(Map.of("content", base64("x"))).put(CONTENTS + "notes/a.txt").then().statusCode(422)
                .body("message", equalTo("Invalid request.\n\n\"message\" wasn't supplied."));
        as(editor).body(Map.of("message", "m")).put(CONTENTS + "notes/a.txt").then().statusCode(422)
                .body("message", equalTo("Invalid request.\n\n\"content\" wasn't supplied."));
        as(editor).body(Map.of("message", "m", "content", "not base64!")).put(CONTENTS + "notes/a.txt").then()
                .statusCode(422);
        as(editor).body("{\"message\": ").put(CONTENTS + "notes/a.txt").then().statusCode(400)
                .body("message", equalTo("Problems parsing JSON"));
        as(editor).body(Map.of("message", "m", "content", base64("x"), "branch", "nope"))
                .put(CONTENTS + "notes/a.txt").then().statusCode(404).body("message", equalTo("Branch nope not found"));
        as(editor).body(Map.of("message", "m", "content", base64("x"))).put(CONTENTS + "guide").then()
                .statusCode(422);
        as(editor).body(Map.of("message", "m", "content", base64("x"))).put(CONTENTS + "notes/.git/config").then()
                .statusCode(422);
        String latin1 = Base64.getEncoder().encodeToString(new byte[]{'#', ' ', (byte) 0xe9, '\n'});
        as(editor).body(Map.of("message", "m", "content", latin1))
                .put(CONTENTS + "notes/latin1.md").then().statusCode(422)
                .body("message", equalTo("Invalid request.\n\nnotes/latin1.md is not valid UTF-8."));
        as(editor).body(Map.of("message", "m", "content", base64("x"), "unknown", "ignored"))
                .put(CONTENTS + "notes/extra.txt").then().statusCode(201);
        assertThat(repo.git("ls-tree", "-r", "--name-only", "main")).doesNotContain("notes/a.txt");
    }

    @Test
    void markdownWhoseFrontMatterDoesNotParseIs422() {
        String tip = head();
        as(editor).body(Map.of("message", "m", "content", base64("---\ntitle: [unclosed\n---\nbody\n")))
                .put(CONTENTS + "notes/bad.md").then().statusCode(422).contentType("application/json");
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void identicalContentWithTheRightShaMakesNoCommit() {
        String tip = head();
        as(editor).body(Map.of("message", "same", "content", base64(INTRO), "sha", blob("guide/intro.md")))
                .put(CONTENTS + "guide/intro.md").then().statusCode(200)
                .body("commit.sha", equalTo(tip)).body("content.sha", equalTo(blob("guide/intro.md")));
        assertThat(head()).isEqualTo(tip);
    }
}
