package dev.inkstone.http;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

class RefApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.write("page.md", "---\ntitle: One\n---\n");
        first = repo.commit("one");
        repo.git("tag", "v1");
        repo.git("tag", "-a", "v1-annotated", "-m", "annotated");
        repo.git("branch", "old");
        repo.write("page.md", "---\ntitle: Two\n---\n");
        second = repo.commit("two");
        server = TestServer.start(repo);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private void titleAt(String ref, String title) {
        given().spec(server.spec()).get("/api/pages/page" + (ref == null ? "" : "?ref=" + ref)).then()
                .statusCode(200).body("title", equalTo(title));
    }

    @Test
    void branchTipIsTheDefault() {
        titleAt(null, "Two");
        titleAt("main", "Two");
    }

    @Test
    void fullAndAbbreviatedCommitIdsResolve() {
        titleAt(first, "One");
        titleAt(first.substring(0, 7), "One");
        titleAt(second.substring(0, 10), "Two");
    }

    @Test
    void branchesAndTagsResolveIncludingAnnotatedTags() {
        titleAt("old", "One");
        titleAt("v1", "One");
        titleAt("v1-annotated", "One");
    }

    @Test
    void unknownRefIs404() {
        given().spec(server.spec()).get("/api/pages/page?ref=nope").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.BASE + "ref-not-found"));
        given().spec(server.spec()).get("/api/pages/page?ref=" + "0".repeat(40)).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main~1", "main%5E", "HEAD%3Apage.md", "main@%7B1%7D", "old..main", "-main",
            "main%5E%7Btree%7D", "a%20b"})
    void revisionExpressionsAre400(String ref) {
        given().spec(server.spec()).get("/api/pages/page?ref=" + ref).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(ProblemType.BASE + "invalid-ref"));
    }
}
