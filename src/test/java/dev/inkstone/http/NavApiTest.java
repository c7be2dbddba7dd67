package dev.inkstone.http;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

class NavApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;
    String commit;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of(
                "index.md", "---\ntitle: Home\n---\nWelcome\n",
                "guide/index.md", "---\ntitle: Guide\norder: 2\n---\n",
                "guide/zeta.md", "---\ntitle: Zeta\n---\n",
                "guide/alpha.md", "---\ntitle: Alpha\n---\n",
                "guide/first.md", "---\ntitle: Zulu first\norder: 1\nnav_title: \"1. Zulu\"\nicon: \"🚀\"\n---\n",
                "guide/secret.md", "---\ntitle: Secret\nhidden: true\n---\n",
                "guide/deep/index.md", "---\ntitle: Deep\norder: 3\n---\n",
                "guide/deep/leaf.md", "# Leaf heading\n",
                "about.md", "---\ntitle: About\norder: 1\n---\n",
                "notes/loose.md", "---\ntitle: Loose\n---\n"));
        commit = repo.commit("content");
        server = TestServer.start(repo);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private JsonPath nav(String query) {
        return given().spec(server.spec()).get("/api/nav" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void siblingsSortByOrderThenTitleAndHiddenPagesAreLeftOut() {
        JsonPath json = nav("");
        assertThat(json.getString("revision")).isEqualTo(commit);
        assertThat(json.getList("tree.children.path")).containsExactly("about", "guide", "notes");
        assertThat(json.getList("tree.children[1].children.path"))
                .containsExactly("guide/first", "guide/deep", "guide/alpha", "guide/zeta");
    }

    @Test
    void navTitleFallsBackToTitleAndIconIsKept() {
        JsonPath json = nav("?root=guide");
        assertThat(json.getString("tree.children[0].navTitle")).isEqualTo("1. Zulu");
        assertThat(json.getString("tree.children[0].title")).isEqualTo("Zulu first");
        assertThat(json.getString("tree.children[0].icon")).isEqualTo("🚀");
        assertThat(json.getString("tree.children[2].navTitle")).isEqualTo("Alpha");
        assertThat(json.getInt("tree.children[0].order")).isEqualTo(1);
    }

    @Test
    void rootSelectsASubtree() {
        JsonPath json = nav("?root=guide/deep");
        assertThat(json.getString("tree.path")).isEqualTo("guide/deep");
        assertThat(json.getList("tree.children.path")).containsExactly("guide/deep/leaf");
        assertThat(json.getString("tree.children[0].title")).isEqualTo("Leaf heading");
    }

    @Test
    void depthCutsTheTree() {
        JsonPath json = nav("?depth=1");
        assertThat(json.getList("tree.children.path")).containsExactly("about", "guide", "notes");
        assertThat(json.getList("tree.children[1].children")).isEmpty();
        assertThat(nav("?depth=0").getList("tree.children")).isEmpty();
    }

    @Test
    void flatListsPagesInNavOrderWithParents() {
        JsonPath json = nav("?flat=true");
        List<String> paths = json.getList("pages.path");
        assertThat(paths).containsExactly("", "about", "guide", "guide/first", "guide/deep", "guide/deep/leaf",
                "guide/alpha", "guide/zeta", "notes", "notes/loose");
        assertThat(json.getString("pages[0].parent")).isNull();
        assertThat(json.getString("pages[5].parent")).isEqualTo("guide/deep");
    }

    @Test
    void generatedSectionAppearsWithFolderNameAsTitle() {
        JsonPath json = nav("?root=notes");
        assertThat(json.getString("tree.title")).isEqualTo("notes");
        assertThat(json.getList("tree.children.path")).containsExactly("notes/loose");
    }

    @Test
    void badQueryParametersAreProblems() {
        for (String query : List.of("?depth=-1", "?depth=x", "?flat=yes", "?root=../x", "?root=nope")) {
            int status = query.equals("?root=nope") ? 404 : 400;
            given().spec(server.spec()).get("/api/nav" + query).then().statusCode(status)
                    .contentType("application/problem+json");
        }
    }
}
