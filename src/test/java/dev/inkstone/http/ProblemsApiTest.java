package dev.inkstone.http;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Content problems never break the service: pages carry warnings and /api/problems lists them all. */
class ProblemsApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of(
                "index.md", "# Home\n\nSee [missing](nowhere.md) and ![img](images/none.png).\n",
                "broken.md", "---\ntitle: [unclosed\n---\n## Still here\n",
                "order.md", "---\ntitle: Ordered\norder: first\n---\n",
                "x.md", "---\ntitle: Shadowed\n---\n",
                "x/index.md", "---\ntitle: Winner\n---\n",
                "x/child.md", "# Child\n",
                "ok.md", "# Fine\n\n[home](index.md)\n"));
        Files.createSymbolicLink(dir.resolve("link.md"), Path.of("ok.md"));
        repo.commit("problems");
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
    void unparsableFrontMatterIsServedWithAWarning() {
        JsonPath json = page("broken");
        assertThat(json.getString("title")).isEqualTo("broken");
        assertThat(json.getList("toc.text")).containsExactly("Still here");
        assertThat(json.getList("warnings", String.class)).anySatisfy(w -> assertThat(w).startsWith("front-matter"));
    }

    @Test
    void brokenLinksAreWarnings() {
        List<String> warnings = page("").getList("warnings", String.class);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("broken-link").contains("nowhere.md"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("broken-link").contains("images/none.png"));
        assertThat(page("ok").getList("warnings")).isEmpty();
    }

    @Test
    void indexWinsOverSiblingMarkdownFile() {
        JsonPath json = page("x");
        assertThat(json.getString("title")).isEqualTo("Winner");
        assertThat(json.getList("warnings", String.class)).anySatisfy(w -> assertThat(w).contains("shadowed-page"));
    }

    @Test
    void problemsListsEveryProblemOfTheRevision() {
        JsonPath json = given().spec(server.spec()).get("/api/problems").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> problems = json.getList("problems");
        assertThat(problems).extracting(p -> p.get("file") + " " + p.get("kind")).contains(
                "broken.md front-matter", "order.md invalid-field", "x.md shadowed-page", "link.md symlink",
                "index.md broken-link");
        // The unclosed flow sequence is noticed where the YAML block ends: the closing '---' on line 3.
        assertThat(problems).filteredOn(p -> p.get("kind").equals("front-matter"))
                .allSatisfy(p -> assertThat(p.get("line")).isEqualTo(3));
        assertThat(problems).filteredOn(p -> p.get("kind").equals("broken-link"))
                .allSatisfy(p -> assertThat(p.get("line")).isEqualTo(3));
    }
}
