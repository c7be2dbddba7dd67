package dev.inkstone.http.github;

import dev.inkstone.auth.Role;
import dev.inkstone.content.ContentBytes;
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

/**
 * Replays the seed site's online editor (Quill + GitHub API, {@code editor.js} next to the seed pages) against
 * Inkstone with only its base URL changed: it checks the token, loads the page with a cache-busting {@code ?t=},
 * saves it with the blob sha and no branch or committer, and uploads an image without a sha. The git CLI then
 * witnesses exactly what was committed.
 */
class SeedEditorReplayTest {

    static final String ORIGIN = "https://seed.example.com";
    static final String PAGE_PATH = "ai-posttraining.html";
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="UTF-8"><title>Training</title></head>
            <body>
            <div class="logo">📚 索引</div>
            <h1>Training</h1>
            <p class="subtitle">Pre-training + Mid-training + Post-training 全流程解析</p>
            <p>大语言模型训练全流程:Pre-training → Mid-training → Post-training</p>
            </body>
            </html>
            """;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, (byte) 0xff, 0};

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;
    String token;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# 首页\n", PAGE_PATH, PAGE));
        repo.commit("seed");
        server = TestServer.start(repo.repository(), "main", List.of(ORIGIN));
        token = server.token("Wang Editor", Role.EDITOR);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    /** What the editor's fetch calls send: its token in GitHub's scheme, GitHub's media type, a browser Origin. */
    private RequestSpecification editor() {
        return given().spec(server.spec()).header("Origin", ORIGIN).header("Authorization", "token " + token)
                .accept("application/vnd.github.v3+json");
    }

    private static String utf8Base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void editorSessionCommitsThePageAndTheImageByteForByte() {
        String seed = repo.git("rev-parse", "main");
        editor().get("/user").then().statusCode(200).header("Access-Control-Allow-Origin", ORIGIN)
                .body("login", equalTo("Wang Editor"));

        JsonPath loaded = editor().get("/repos/inkstone/content/contents/" + PAGE_PATH + "?t=1767225600000").then()
                .statusCode(200).header("Access-Control-Allow-Origin", ORIGIN).extract().jsonPath();
        String text = new String(Base64.getMimeDecoder().decode(loaded.getString("content")), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(PAGE);
        String sha = loaded.getString("sha");

        String image = "images/1767225612345_训练流程 🚀.png";
        String edited = text.replace("全流程解析", "全流程解析 ✨ 已更新")
                .replace("</body>", "<img src=\"" + image + "\" alt=\"流程图\">\n</body>");
        editor().contentType("application/json")
                .body(Map.of("message", "Update content via online editor: " + PAGE_PATH,
                        "content", utf8Base64(edited), "sha", sha))
                .put("/repos/inkstone/content/contents/" + PAGE_PATH).then().statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .body("content.sha", equalTo(ContentBytes.blobId(edited.getBytes(StandardCharsets.UTF_8))));
        String pageCommit = repo.git("rev-parse", "main");

        editor().contentType("application/json")
                .body(Map.of("message", "Upload image via online editor: " + image,
                        "content", Base64.getEncoder().encodeToString(PNG)))
                .put("/repos/inkstone/content/contents/images/1767225612345_%E8%AE%AD%E7%BB%83%E6%B5%81%E7%A8%8B%20"
                        + "%F0%9F%9A%80.png").then().statusCode(201)
                .body("content.path", equalTo(image))
                .body("content.download_url", equalTo(server.baseUri() + "/api/files/images/1767225612345_"
                        + "%E8%AE%AD%E7%BB%83%E6%B5%81%E7%A8%8B%20%F0%9F%9A%80.png"));

        assertThat(repo.git("rev-list", "--reverse", seed + "..main").split("\n")).hasSize(2)
                .startsWith(pageCommit);
        assertThat(repo.git("log", "-2", "--format=%an <%ae>|%cn <%ce>|%s|%P"))
                .isEqualTo("Wang Editor <wang.editor@example.com>|Inkstone <inkstone@localhost>|"
                        + "Upload image via online editor: " + image + "|" + pageCommit + "\n"
                        + "Wang Editor <wang.editor@example.com>|Inkstone <inkstone@localhost>|"
                        + "Update content via online editor: " + PAGE_PATH + "|" + seed);
        assertThat(repo.git("cat-file", "-s", "main:" + PAGE_PATH))
                .isEqualTo(String.valueOf(edited.getBytes(StandardCharsets.UTF_8).length));
        assertThat(repo.git("show", "main:" + PAGE_PATH)).isEqualTo(edited.strip()).contains("📚 索引", "✨ 已更新");
        assertThat(repo.git("rev-parse", "main:" + image)).isEqualTo(ContentBytes.blobId(PNG));
        assertThat(repo.git("cat-file", "-s", "main:" + image)).isEqualTo(String.valueOf(PNG.length));
        assertThat(repo.git("diff", "--name-status", seed, "main")).isEqualTo("M\t" + PAGE_PATH + "\nA\t\""
                + "images/1767225612345_\\350\\256\\255\\347\\273\\203\\346\\265\\201\\347\\250\\213 "
                + "\\360\\237\\232\\200.png\"");
    }
}
