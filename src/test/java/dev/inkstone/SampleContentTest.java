package dev.inkstone;

import dev.inkstone.git.RepositorySetup;
import dev.inkstone.testing.GitCli;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded sample knowledge base: seeded in one commit, served, and free of problems. */
class SampleContentTest {

    @TempDir
    Path data;

    @Test
    void sampleRepositoryIsSeededOnceAndPassesTheProblemCheck() throws Exception {
        Path gitDir = data.resolve("content.git");
        PersonIdent identity = new PersonIdent("Inkstone", "inkstone@localhost");
        try (Repository repository = RepositorySetup.openOrSeed(gitDir, "main", SampleContent.load(), identity)) {
            assertThat(GitCli.run(gitDir, "rev-list", "--count", "main")).isEqualTo("1");
            assertThat(GitCli.run(gitDir, "fsck", "--strict")).isEmpty();
            try (TestServer server = TestServer.start(repository, "main", List.of())) {
                JsonPath problems = given().spec(server.spec()).get("/api/problems").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(problems.getList("problems")).isEmpty();
                JsonPath flat = given().spec(server.spec()).get("/api/nav?flat=true").then().statusCode(200)
                        .extract().jsonPath();
                List<String> paths = flat.getList("pages.path");
                assertThat(paths).hasSizeGreaterThanOrEqualTo(22)
                        .contains("", "ai", "ai/model/attention", "ai/training/peft", "ai/agent/rag");
                for (String path : paths) {
                    JsonPath page = given().spec(server.spec()).get("/api/pages/" + encode(path)).then()
                            .statusCode(200).extract().jsonPath();
                    assertThat(page.getList("warnings")).as(path).isEmpty();
                    assertThat(page.getList("toc")).as(path).isNotEmpty();
                }
            }
        }
        try (Repository again = RepositorySetup.openOrSeed(gitDir, "main", SampleContent.load(), identity)) {
            assertThat(GitCli.run(gitDir, "rev-list", "--count", "main")).isEqualTo("1");
        }
    }

    private static String encode(String path) {
        return java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8).replace("%2F", "/")
                .replace("+", "%20");
    }
}
