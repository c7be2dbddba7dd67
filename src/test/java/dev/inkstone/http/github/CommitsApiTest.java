package dev.inkstone.http.github;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The commit list is {@code git log [-- path]} in GitHub's shape, paged with GitHub's Link header. */
class CommitsApiTest {

    static final String COMMITS = "/repos/inkstone/content/commits";

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# Home\n", "guide/intro.md", "v1\n"));
        repo.commit("seed");
        repo.write("guide/intro.md", "v2\n");
        repo.commit("Second intro 二");
        repo.write("index.md", "# Home 🏠\n");
        repo.commit("Touch home only");
        repo.write("guide/intro.md", "v3\n");
        repo.commit("Third intro\n\nWith a body.");
        server = TestServer.start(repo);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    @Test
    void listIsGitLogOfThePathInGitHubsShape() {
        JsonPath list = given().spec(server.spec()).get(COMMITS + "?path=guide/intro.md").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        List<String> expected = List.of(repo.git("log", "--format=%H", "--", "guide/intro.md").split("\n"));
        assertThat(list.getList("sha")).isEqualTo(expected).hasSize(3);
        assertThat(list.getString("[0].commit.message")).isEqualTo("Third intro\n\nWith a body.");
        assertThat(list.getString("[0].commit.author.name")).isEqualTo("Alice Author");
        assertThat(list.getString("[0].commit.author.date")).isEqualTo("2024-01-01T05:00:00Z");
        assertThat(list.getString("[0].commit.tree.sha")).isEqualTo(repo.git("rev-parse", "main^{tree}"));
        assertThat(list.getList("[0].parents.sha")).containsExactly(repo.git("rev-parse", "main~1"));
        assertThat(list.getString("[0].url")).isEqualTo(server.baseUri() + COMMITS + "/" + expected.get(0));
        assertThat(list.getString("[0].commit.url"))
                .isEqualTo(server.baseUri() + "/repos/inkstone/content/git/commits/" + expected.get(0));
        assertThat((Object) list.get("[0].author")).isNull();
        List<String> all = given().spec(server.spec()).get(COMMITS).then().statusCode(200).extract().jsonPath()
                .getList("sha");
        assertThat(all).isEqualTo(List.of(repo.git("log", "--format=%H").split("\n")));
    }

    @Test
    void pagesFollowTheLinkHeader() {
        Response first = given().spec(server.spec()).get(COMMITS + "?path=guide/intro.md&per_page=2");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getList("sha")).hasSize(2);
        String link = first.header("Link");
        String next = server.baseUri() + COMMITS + "?path=guide%2Fintro.md&per_page=2&page=2";
        assertThat(link).isEqualTo("<" + next + ">; rel=\"next\"");
        Response second = given().spec(server.spec()).get(next.substring(server.baseUri().length()));
        second.then().statusCode(200);
        assertThat(second.jsonPath().getList("commit.message")).containsExactly("seed");
        assertThat(second.header("Link")).contains("page=1>; rel=\"prev\"").contains("page=1>; rel=\"first\"")
                .doesNotContain("rel=\"next\"");
        given().spec(server.spec()).get(COMMITS + "?per_page=500&page=x").then().statusCode(200)
                .header("Link", (String) null);
    }

    @Test
    void shaStartsTheLogAndAnUnknownOneIs404() {
        String older = repo.git("rev-parse", "main~2");
        given().spec(server.spec()).get(COMMITS + "?sha=" + older).then().statusCode(200)
                .body("sha", equalTo(List.of(older, repo.git("rev-parse", "main~3"))));
        given().spec(server.spec()).get(COMMITS + "?sha=nope").then().statusCode(404)
                .contentType("application/json").body("message", equalTo("No commit found for SHA: nope"));
    }

    @Test
    void oneCommitByRefListsItsFiles() {
        String tip = repo.git("rev-parse", "main");
        JsonPath commit = given().spec(server.spec()).get(COMMITS + "/main").then().statusCode(200).extract()
                .jsonPath();
        assertThat(commit.getString("sha")).isEqualTo(tip);
        assertThat(commit.getList("files.filename")).containsExactly("guide/intro.md");
        assertThat(commit.getList("files.status")).containsExactly("modified");
        assertThat(commit.getString("files[0].sha")).isEqualTo(repo.git("rev-parse", "main:guide/intro.md"));
        String root = repo.git("rev-list", "--max-parents=0", "main");
        given().spec(server.spec()).get(COMMITS + "/" + root.substring(0, 10)).then().statusCode(200)
                .body("sha", equalTo(root)).body("parents", equalTo(List.of()))
                .body("files.status", equalTo(List.of("added", "added")));
        given().spec(server.spec()).get(COMMITS + "/nope").then().statusCode(422)
                .body("message", equalTo("No commit found for SHA: nope"));
    }
}
