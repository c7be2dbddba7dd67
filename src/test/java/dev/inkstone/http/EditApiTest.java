package dev.inkstone.http;

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
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Every edit becomes a commit; the git CLI is the witness of what was stored. */
class EditApiTest {

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
                "guide/index.md", "---\ntitle: Guide\n---\nline one\nline two\nline three\nline four\nline five\n",
                "guide/intro.md", "# Intro\n\nfirst\nsecond\nthird\nfourth\nfifth\n"));
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
        return given().spec(server.spec()).header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private String head() {
        return repo.git("rev-parse", "main");
    }

    private String blob(String path) {
        return repo.git("rev-parse", "main:" + path);
    }

    private JsonPath put(String page, Map<String, Object> body, int status) {
        return as(editor).body(body).put("/api/pages/" + page).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void createUpdateAndNoOpAreCommitsAsTheGitCliSeesThem() {
        JsonPath created = put("notes/new", Map.of("content", "---\ntitle: 新页面 🚀\n---\n正文\n"), 201);
        assertThat(created.getBoolean("changed")).isTrue();
        assertThat(created.getString("commit.sha")).isEqualTo(head());
        assertThat(created.getString("page.title")).isEqualTo("新页面 🚀");
        assertThat(repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%s"))
                .isEqualTo("Erin Editor <erin.editor@example.com>|Inkstone <inkstone@localhost>|Create notes/new");
        assertThat(repo.git("show", "main:notes/new.md")).isEqualTo("---\ntitle: 新页面 🚀\n---\n正文");

        String sha = created.getString("page.sha");
        assertThat(sha).isEqualTo(blob("notes/new.md"));
        JsonPath updated = put("notes/new", Map.of("content", "# v2\n", "sha", sha, "message", "Rewrite 笔记"), 200);
        assertThat(updated.getBoolean("merged")).isFalse();
        assertThat(updated.getList("commit.parents")).containsExactly(created.getString("commit.sha"));
        assertThat(repo.git("log", "-1", "--format=%s")).isEqualTo("Rewrite 笔记");

        String tip = head();
        JsonPath same = put("notes/new", Map.of("content", "# v2\n", "sha", blob("notes/new.md")), 200);
        assertThat(same.getBoolean("changed")).isFalse();
        assertThat(same.getString("commit.sha")).isEqualTo(tip);
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void bytesAreStoredExactlyWithBomCrlfChineseAndEmoji() throws Exception {
        String content = "\uFEFF---\r\ntitle: 注意力 🧠\r\n---\r\n第一行 ✨\r\n😀 end";
        put("zh", Map.of("content", content), 201);
        byte[] stored = repo.git("cat-file", "blob", blob("zh.md")).getBytes(StandardCharsets.UTF_8);
        assertThat(repo.git("cat-file", "-s", blob("zh.md")))
                .isEqualTo(String.valueOf(content.getBytes(StandardCharsets.UTF_8).length));
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(content.strip());
        byte[] served = given().spec(server.spec()).get("/api/source/zh").then().statusCode(200).extract().asByteArray();
        assertThat(served).isEqualTo(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void staleShaWithDisjointEditsMerges() {
        String base = blob("guide/intro.md");
        repo.write("guide/intro.md", "# Intro\n\nFIRST (theirs)\nsecond\nthird\nfourth\nfifth\n");
        repo.commit("someone else");
        JsonPath merged = put("guide/intro", Map.of("sha", base,
                "content", "# Intro\n\nfirst\nsecond\nthird\nfourth\nFIFTH (yours)\n"), 200);
        assertThat(merged.getBoolean("merged")).isTrue();
        assertThat(repo.git("show", "main:guide/intro.md"))
                .isEqualTo("# Intro\n\nFIRST (theirs)\nsecond\nthird\nfourth\nFIFTH (yours)");
    }

    @Test
    void overlappingEditIs409WithTheRegionsAndChangesNothing() {
        String base = blob("guide/intro.md");
        repo.write("guide/intro.md", "# Intro\n\nfirst\nsecond\nTHIRD (theirs)\nfourth\nfifth\n");
        repo.commit("someone else");
        String tip = head();
        as(editor).body(Map.of("sha", base, "content", "# Intro\n\nfirst\nsecond\nTHIRD (yours)\nfourth\nfifth\n"))
                .put("/api/pages/guide/intro").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.BASE + "edit-conflict"))
                .body("sha", equalTo(blob("guide/intro.md")))
                .body("conflicts[0].base", equalTo("third\n"))
                .body("conflicts[0].theirs", equalTo("THIRD (theirs)\n"))
                .body("conflicts[0].yours", equalTo("THIRD (yours)\n"));
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void strictIfMatchIs412WhenStale() {
        String base = blob("guide/intro.md");
        repo.write("guide/intro.md", "# Intro\n\nchanged elsewhere\n");
        repo.commit("someone else");
        String tip = head();
        as(editor).header("If-Match", "\"" + base + "\"").body(Map.of("content", "# mine\n"))
                .put("/api/pages/guide/intro").then().statusCode(412).contentType("application/problem+json");
        assertThat(head()).isEqualTo(tip);
        as(editor).header("If-Match", "\"" + blob("guide/intro.md") + "\"").body(Map.of("content", "# mine\n"))
                .put("/api/pages/guide/intro").then().statusCode(200);
    }

    @Test
    void frontMatterThatDoesNotParseIs422WithLineAndColumn() {
        String tip = head();
        as(editor).body(Map.of("content", "---\ntitle: ok\ntags: [a, b\n---\nbody\n")).put("/api/pages/bad").then()
                .statusCode(422).contentType("application/problem+json")
                .body("line", org.hamcrest.Matchers.greaterThanOrEqualTo(3))
                .body("column", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void oversizedBodyIs413BeforeItIsReadWhole() throws Exception {
        String tip = head();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String headers = "PUT /api/pages/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + editor
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (3 << 20) + "\r\n\r\n";
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"content\": \"".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(600), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json");
        }
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void existingPageWithoutShaIs428() {
        String tip = head();
        as(editor).body(Map.of("content", "# overwrite\n")).put("/api/pages/guide/intro").then().statusCode(428)
                .contentType("application/problem+json");
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void editOfAPageDeletedSinceIs409NeverARecreate() {
        String base = blob("guide/intro.md");
        repo.delete("guide/intro.md");
        repo.commit("delete elsewhere");
        as(editor).body(Map.of("sha", base, "content", "# back?\n")).put("/api/pages/guide/intro").then()
                .statusCode(409).body("type", equalTo(ProblemType.BASE + "gone"));
        assertThat(repo.git("ls-tree", "-r", "--name-only", "main")).doesNotContain("guide/intro.md");
    }

    @Test
    void deleteRemovesTheFileAndRefusesNonEmptySectionsUnlessRecursive() {
        as(editor).delete("/api/pages/guide/intro?sha=" + blob("guide/intro.md")).then().statusCode(200)
                .body("changed", equalTo(true));
        assertThat(repo.git("log", "-1", "--format=%s")).isEqualTo("Delete guide/intro");
        put("guide/other", Map.of("content", "# Other\n"), 201);
        as(editor).delete("/api/pages/guide?sha=" + blob("guide/index.md")).then().statusCode(409)
                .body("type", equalTo(ProblemType.BASE + "section-not-empty"));
        as(editor).delete("/api/pages/guide?recursive=true&sha=" + blob("guide/index.md")).then().statusCode(200);
        assertThat(repo.git("ls-tree", "-r", "--name-only", "main")).isEqualTo("index.md");
    }

    @Test
    void moveIsAnExactRenameWithARedirect() {
        String sha = blob("guide/intro.md");
        as(editor).body(Map.of("from", "guide/intro", "to", "guide/start", "sha", sha)).post("/api/move").then()
                .statusCode(200).body("page.path", equalTo("guide/start"));
        assertThat(repo.git("log", "-1", "--format=%s")).isEqualTo("Move guide/intro to guide/start");
        assertThat(repo.git("diff", "--name-status", "-M100%", "main~1", "main", "--", "guide"))
                .isEqualTo("R100\tguide/intro.md\tguide/start.md");
        assertThat(repo.git("log", "--follow", "--format=%s", "--", "guide/start.md"))
                .isEqualTo("Move guide/intro to guide/start\nseed");
        assertThat(repo.git("show", "main:_redirects.yml")).contains("\"guide/intro\": \"guide/start\"");
        given().spec(server.spec()).redirects().follow(false).get("/api/pages/guide/intro?ref=main").then()
                .statusCode(301).header("Location", "/api/pages/guide/start?ref=main");
        as(editor).body(Map.of("from", "guide/start", "to", "guide", "sha", sha)).post("/api/move").then()
                .statusCode(409);
    }

    @Test
    void changesetCommitsPageAndImageTogetherOrNothing() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        String tip = head();
        as(editor).body(Map.of("message", "Broken set", "changes", List.of(
                Map.of("op", "put", "path", "guide/pic.md", "content", "![x](../images/x.png)\n"),
                Map.of("op", "put", "path", "guide/intro.md", "content", "no sha\n")))).post("/api/commits").then()
                .statusCode(428);
        assertThat(head()).isEqualTo(tip);
        JsonPath ok = as(editor).body(Map.of("message", "Add a page with its image", "changes", List.of(
                Map.of("op", "put", "path", "guide/pic.md", "content", "![x](../images/x.png)\n"),
                Map.of("op", "put", "path", "images/x.png", "encoding", "base64",
                        "content", Base64.getEncoder().encodeToString(png)),
                Map.of("op", "move", "path", "guide/intro.md", "to", "guide/first.md",
                        "sha", blob("guide/intro.md"))))).post("/api/commits").then()
                .statusCode(200).extract().jsonPath();
        assertThat(ok.getString("commit.message")).isEqualTo("Add a page with its image");
        assertThat(repo.git("show", "--name-status", "--format=", "main"))
                .contains("A\tguide/pic.md", "A\timages/x.png", "R100\tguide/intro.md\tguide/first.md");
        byte[] served = given().spec(server.spec()).get("/api/files/images/x.png").then().statusCode(200)
                .extract().asByteArray();
        assertThat(served).isEqualTo(png);
    }

    @Test
    void fileUploadCommitsRawBytesAndAnswersItsUrl() {
        byte[] bytes = new byte[]{1, 2, 3, 0, (byte) 0xfe};
        as(editor).contentType("application/octet-stream").body(bytes).post("/api/files/images/a%20b.bin").then()
                .statusCode(201).body("url", equalTo("/api/files/images/a%20b.bin"));
        byte[] served = given().spec(server.spec()).get("/api/files/images/a%20b.bin").then().statusCode(200)
                .extract().asByteArray();
        assertThat(served).isEqualTo(bytes);
        as(editor).contentType("application/octet-stream").body(new byte[]{9}).post("/api/files/images/a%20b.bin")
                .then().statusCode(428);
        as(editor).contentType("application/octet-stream").body(new byte[]{9})
                .post("/api/files/images/a%20b.bin?sha=" + blob("images/a b.bin")).then().statusCode(200);
    }

    @Test
    void renderPreviewsWithoutCommitting() {
        String tip = head();
        given().spec(server.spec()).contentType("application/json")
                .body(Map.of("content", "preview body\n", "path", "guide/draft"))
                .post("/api/render").then().statusCode(200).body("path", equalTo("guide/draft"))
                .body("breadcrumbs.path", equalTo(List.of("", "guide")));
        assertThat(head()).isEqualTo(tip);
    }

    @Test
    void writesNeedATokenAndTheEditorRole() {
        String tip = head();
        given().spec(server.spec()).contentType("application/json").body(Map.of("content", "x"))
                .put("/api/pages/a").then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"inkstone\"")
                .contentType("application/problem+json");
        as("ink_wrong").body(Map.of("content", "x")).put("/api/pages/a").then().statusCode(401);
        String reader = server.token("Rita Reader", Role.READER);
        as(reader).body(Map.of("content", "x")).put("/api/pages/a").then().statusCode(403);
        given().spec(server.spec()).header("Authorization", "token " + editor).contentType("application/json")
                .body(Map.of("content", "# via token scheme\n")).put("/api/pages/a").then().statusCode(201);
        assertThat(repo.git("rev-list", "--count", tip + "..main")).isEqualTo("1");
    }

    @Test
    void badRequestsAreProblemsAndLeaveTheBranchUntouched() {
        String tip = head();
        as(editor).body("{\"content\": ").put("/api/pages/x").then().statusCode(400)
                .contentType("application/problem+json");
        as(editor).body("{\"content\": \"a\", \"content\": \"b\"}").put("/api/pages/x").then().statusCode(400);
        as(editor).body("{\"sha\": null}").put("/api/pages/x").then().statusCode(400);
        as(editor).body("{\"content\": \"a\", \"extra\": 1}").put("/api/pages/x").then().statusCode(400);
        as(editor).contentType("text/plain").body("# hi").put("/api/pages/x").then().statusCode(415);
        as(editor).body(Map.of("content", "nul \u0000 inside")).put("/api/pages/x").then().statusCode(422);
        as(editor).body(new byte[]{'{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, '(', '"',
                '}'}).put("/api/pages/x").then().statusCode(422);
        for (String path : List.of(".git/x", "a/.GIT/b", "con", "docs/aux.txt", "a./b", "trailing%20", ".gitmodules",
                "x/.git%E2%80%8C", "git~1/x", "a%3Ab", "Guide/x")) {
            as(editor).body(Map.of("content", "# x\n")).put("/api/pages/" + path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(head()).isEqualTo(tip);
    }
}
