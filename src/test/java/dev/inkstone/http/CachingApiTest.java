package dev.inkstone.http;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

class CachingApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;
    String first;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# Home\n", "guide.md", "# Guide\n"));
        first = repo.commit("content");
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    @Test
    void matchingIfNoneMatchAnswers304AndAChangeAnswers200() {
        server = TestServer.start(repo);
        String etag = given().spec(server.spec()).get("/api/pages/guide").then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().spec(server.spec()).header("If-None-Match", etag).get("/api/pages/guide").then()
                .statusCode(304).header("ETag", etag);
        repo.write("guide.md", "# Guide v2\n");
        repo.commit("edit");
        given().spec(server.spec()).header("If-None-Match", etag).get("/api/pages/guide").then().statusCode(200);
    }

    @Test
    void headAnswersWithTheHeadersOfGetAndNoBody() {
        server = TestServer.start(repo);
        // Not through the contract filter: openapi.yaml lists GET operations, and HEAD is GET without a body.
        for (String url : List.of("/api/pages/guide", "/api/nav", "/api/source/guide")) {
            var get = given().baseUri(server.baseUri()).get(url).then().statusCode(200).extract();
            var head = given().baseUri(server.baseUri()).head(url).then().statusCode(200).extract();
            assertThat(head.header("ETag")).as(url).isEqualTo(get.header("ETag")).isNotNull();
            assertThat(head.contentType()).as(url).isEqualTo(get.contentType());
            assertThat(head.body().asByteArray()).as(url).isEmpty();
        }
        given().baseUri(server.baseUri()).head("/api/pages/missing").then().statusCode(404);
        given().baseUri(server.baseUri()).head("/api/pages/.git/config").then().statusCode(400);
    }

    @Test
    void sourceRevalidatesByBlobId() {
        server = TestServer.start(repo);
        String etag = given().spec(server.spec()).get("/api/source/guide").then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"" + repo.git("rev-parse", "HEAD:guide.md") + "\"");
        given().spec(server.spec()).header("If-None-Match", etag).get("/api/source/guide").then().statusCode(304);
    }

    @Test
    void readAtFullCommitIdIsImmutable() {
        server = TestServer.start(repo);
        given().spec(server.spec()).get("/api/pages/guide?ref=" + first).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().spec(server.spec()).get("/api/nav?ref=main").then().statusCode(200)
                .header("Cache-Control", "no-cache");
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOrigins() {
        server = TestServer.start(repo.repository(), "main", List.of("https://docs.example.com"));
        given().header("Origin", "https://docs.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "If-None-Match")
                .options(server.baseUri() + "/api/pages/guide").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://docs.example.com");
        given().spec(server.spec()).header("Origin", "https://docs.example.com").get("/api/nav").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://docs.example.com");
        // The answer depends on Origin, so shared caches must key on it (the CORS plugin says so, for every origin).
        String vary = given().header("Origin", "https://docs.example.com").get(server.baseUri() + "/api/pages/guide")
                .then().statusCode(200).extract().header("Vary");
        assertThat(vary).containsIgnoringCase("Origin");
        String other = given().header("Origin", "https://evil.example.net").get(server.baseUri() + "/api/nav")
                .then().extract().header("Access-Control-Allow-Origin");
        assertThat(other).isNull();
    }
}
