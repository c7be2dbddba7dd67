package dev.inkstone.http.github;

import dev.inkstone.auth.Role;
import dev.inkstone.config.GitHubSettings;
import dev.inkstone.config.HttpSettings;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.response.Response;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Tokens, names, mounts, public URLs and CORS, with every error in GitHub's shape rather than problem+json. */
class GitHubAccessApiTest {

    static final String FILE = "/repos/inkstone/content/contents/guide/intro.md";

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# Home\n", "guide/intro.md", "# Intro\n"));
        repo.commit("seed");
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        repo.close();
    }

    private void start(HttpSettings settings, GitHubSettings github) {
        server = TestServer.start(repo.repository(), "main", settings, github);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userNeedsAValidTokenInEitherScheme() {
        start(HttpSettings.defaults(), GitHubSettings.defaults());
        String token = server.token("Erin Editor", Role.EDITOR);
        given().spec(server.spec()).get("/user").then().statusCode(401).contentType("application/json")
                .body("message", equalTo("Requires authentication"))
                .body("documentation_url", equalTo("https://docs.github.com/rest"));
        given().spec(server.spec()).header("Authorization", "token wrong").get("/api/v3/user").then()
                .statusCode(401).contentType("application/json").body("message", equalTo("Bad credentials"));
        for (String scheme : List.of("token ", "Bearer ")) {
            given().spec(server.spec()).header("Authorization", scheme + token).get("/user").then().statusCode(200)
                    .body("login", equalTo("Erin Editor")).body("name", equalTo("Erin Editor"))
                    .body("email", equalTo("erin.editor@example.com")).body("type", equalTo("User"))
                    .body("site_admin", equalTo(false));
        }
        given().spec(server.spec()).header("Authorization", "token wrong").get(FILE).then().statusCode(401)
                .body("message", equalTo("Bad credentials"));
    }

    @Test
    void writesNeedTheEditorRole() {
        start(HttpSettings.defaults(), GitHubSettings.defaults());
        String reader = server.token("Rita Reader", Role.READER);
        Map<String, String> body = Map.of("message", "m", "content", base64("x"));
        given().spec(server.spec()).contentType("application/json").body(body)
                .put("/repos/inkstone/content/contents/notes/x.txt").then().statusCode(401)
                .body("message", equalTo("Requires authentication"));
        given().spec(server.spec()).header("Authorization", "token " + reader).contentType("application/json")
                .body(body).put("/repos/inkstone/content/contents/notes/x.txt").then().statusCode(403)
                .contentType("application/json")
                .body("message", equalTo("Resource not accessible by personal access token"));
        assertThat(repo.git("ls-tree", "-r", "--name-only", "main")).doesNotContain("notes/x.txt");
    }

    @Test
    void otherOwnersAndReposAreNotFoundAndNamesIgnoreCase() {
        start(HttpSettings.defaults(), GitHubSettings.defaults());
        given().spec(server.spec()).get("/repos/someone/content/contents/index.md").then().statusCode(404)
                .contentType("application/json").body("message", equalTo("Not Found"));
        given().spec(server.spec()).get("/api/v3/repos/inkstone/other").then().statusCode(404)
                .contentType("application/json").body("message", equalTo("Not Found"));
        given().spec(server.spec()).get("/repos/InkStone/Content/contents/index.md").then().statusCode(200)
                .body("url", equalTo(server.baseUri() + "/repos/inkstone/content/contents/index.md?ref=main"));
    }

    @Test
    void configuredNamesReplaceTheDefaults() {
        start(HttpSettings.defaults(), new GitHubSettings("acme", "docs"));
        given().spec(server.spec()).get("/repos/acme/docs").then().statusCode(200)
                .body("full_name", equalTo("acme/docs")).body("default_branch", equalTo("main"))
                .body("private", equalTo(false)).body("permissions", nullValue());
        given().spec(server.spec()).get("/repos/acme/docs/contents/index.md").then().statusCode(200);
        given().spec(server.spec()).get("/repos/inkstone/content/contents/index.md").then().statusCode(404);
    }

    @Test
    void repositoryShowsTheCallersPermissions() {
        start(HttpSettings.defaults(), GitHubSettings.defaults());
        String editor = server.token("Erin Editor", Role.EDITOR);
        given().spec(server.spec()).header("Authorization", "token " + editor).get("/repos/inkstone/content").then()
                .statusCode(200).body("permissions.push", equalTo(true)).body("permissions.admin", equalTo(false))
                .body("permissions.pull", equalTo(true)).body("name", equalTo("content"))
                .body("owner.login", equalTo("inkstone"));
    }

    @Test
    void bothMountsServeTheSameFileAndLinksKeepTheirMount() {
        start(HttpSettings.defaults(), GitHubSettings.defaults());
        Response root = given().spec(server.spec()).get(FILE);
        Response enterprise = given().spec(server.spec()).get("/api/v3" + FILE);
        root.then().statusCode(200);
        enterprise.then().statusCode(200);
        assertThat(enterprise.jsonPath().getString("sha")).isEqualTo(root.jsonPath().getString("sha"));
        assertThat(enterprise.jsonPath().getString("content")).isEqualTo(root.jsonPath().getString("content"));
        assertThat(enterprise.jsonPath().getString("url")).isEqualTo(server.baseUri() + "/api/v3" + FILE + "?ref=main");
        assertThat(enterprise.jsonPath().getString("download_url"))
                .isEqualTo(server.baseUri() + "/api/files/guide/intro.md");
    }

    @Test
    void publicUrlStartsEveryAbsoluteLink() {
        start(new HttpSettings(List.of(), true, HttpSettings.DEFAULT_PAGE_BYTES, HttpSettings.DEFAULT_FILE_BYTES,
                "https://cms.example.com/base/"), GitHubSettings.defaults());
        given().spec(server.spec()).get("/api/v3" + FILE).then().statusCode(200)
                .body("url", equalTo("https://cms.example.com/base/api/v3" + FILE + "?ref=main"))
                .body("html_url", equalTo("https://cms.example.com/base/api/pages/guide/intro"))
                .body("download_url", equalTo("https://cms.example.com/base/api/files/guide/intro.md"))
                .body("git_url", containsString("https://cms.example.com/base/api/v3/repos/inkstone/content/git/"));
    }

    @Test
    void tokenReadAccessIsCheckedInGitHubsShapeOnBothMounts() {
        start(new HttpSettings(List.of(), false, HttpSettings.DEFAULT_PAGE_BYTES, HttpSettings.DEFAULT_FILE_BYTES,
                null), GitHubSettings.defaults());
        String reader = server.token("Rita Reader", Role.READER);
        for (String mount : List.of("", "/api/v3")) {
            given().spec(server.spec()).get(mount + FILE).then().statusCode(401).contentType("application/json")
                    .body("message", equalTo("Requires authentication"));
            given().spec(server.spec()).get(mount + "/repos/inkstone/content/commits").then().statusCode(401)
                    .contentType("application/json");
            given().spec(server.spec()).header("Authorization", "token " + reader).get(mount + FILE).then()
                    .statusCode(200);
        }
        given().spec(server.spec()).header("Authorization", "token " + reader).get("/repos/inkstone/content").then()
                .statusCode(200).body("private", equalTo(true)).body("visibility", equalTo("private"));
        given().get(server.baseUri() + "/api/nav").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void corsPreflightLetsABrowserPutWithAnAuthorizationHeader() {
        start(HttpSettings.defaults().withCors(List.of("https://editor.example.com")), GitHubSettings.defaults());
        for (String mount : List.of("", "/api/v3")) {
            given().urlEncodingEnabled(false).header("Origin", "https://editor.example.com")
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options(server.baseUri() + mount + "/repos/inkstone/content/contents/images%2F1_a.png").then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", "https://editor.example.com")
                    .header("Access-Control-Allow-Methods", containsString("PUT"))
                    .header("Access-Control-Allow-Headers", containsString("authorization"))
                    .header("Access-Control-Allow-Headers", containsString("content-type"));
        }
        given().spec(server.spec()).header("Origin", "https://editor.example.com")
                .get("/repos/inkstone/content/commits?per_page=1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://editor.example.com")
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }
}
