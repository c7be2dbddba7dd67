package dev.inkstone.http;

import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Every error is problem+json with a stable type, including those Jetty raises before a handler runs. */
class ErrorApiTest {

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# Home\n", "a/b.md", "# B\n"));
        repo.commit("content");
        server = TestServer.start(repo);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    private void expectProblem(String rawPath, int status, String type) {
        given().spec(server.spec()).get(rawPath).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.BASE + type))
                .body("status", equalTo(status))
                .body("title", not(equalTo("")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void unknownPageFileAndRouteAre404() {
        expectProblem("/api/pages/nope", 404, "page-not-found");
        expectProblem("/api/files/nope.png", 404, "file-not-found");
        expectProblem("/api/source/nope", 404, "page-not-found");
        expectProblem("/api/nothing-here", 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/pages/a/%2e%2e/b", "/api/pages/a/%2E%2E%2Fb", "/api/pages/a%2F..%2Fb", "/api/pages/%2Fetc",
            "/api/pages/a%5Cb", "/api/pages/a%00b", "/api/pages/a%0Ab", "/api/pages/.git/config",
            "/api/pages/a/.GIT/x", "/api/files/.Git/HEAD", "/api/source/..%2F..%2Fetc%2Fpasswd"})
    void badPathsAre400(String rawPath) {
        given().spec(server.spec()).get(rawPath).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void overlongPathIs400() {
        expectProblem("/api/pages/" + "a".repeat(1100), 400, "invalid-path");
    }

    @Test
    void invalidUtf8AndBadPercentEncodingAreRefusedNotReplaced() throws IOException {
        for (String path : new String[]{"/api/pages/%C3%28", "/api/pages/%FF", "/api/pages/%zz", "/api/pages/%E6%96"}) {
            String answer = rawRequest("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer).as(path).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer).as(path).contains("\"status\":400");
        }
    }

    @Test
    void pathsThatHttpClientsWouldNormaliseAreRefusedOnTheWire() throws IOException {
        for (String path : new String[]{"/api/pages/a//b", "/api/pages/a/../b", "/api/pages/./a/b",
                "/api/files/a/%2e%2e/%2e%2e/etc/passwd", "/api/pages/a/b/..", "/api/pages/\\a"}) {
            String answer = rawRequest("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer).as(path).containsIgnoringCase("content-type: application/problem+json");
        }
    }

    @Test
    void invalidRawUtf8BytesAreRefused() throws IOException {
        byte[] request = "GET /api/pages/\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rawRequest(request)).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json");
    }

    @Test
    void rawUtf8PathBytesAreAccepted() throws IOException {
        repo.write("中文.md", "# 中文页\n");
        repo.commit("zh");
        byte[] request = "GET /api/pages/中文 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(rawRequest(request)).startsWith("HTTP/1.1 200").contains("中文页");
    }

    @Test
    void jettyLevelErrorsAreProblems() throws IOException {
        String badVersion = rawRequest("GET /api/nav HTTP/9.9\r\nHost: x\r\n\r\n");
        assertThat(badVersion).startsWith("HTTP/1.1 ").containsIgnoringCase("application/problem+json");
        String hugeHeader = rawRequest("GET /api/nav HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").containsIgnoringCase("application/problem+json");
        String badUri = rawRequest("GET /api/pages/a%2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(badUri).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json");
    }

    @Test
    void wrongMethodIsAProblem() {
        given().spec(server.spec()).delete("/api/nav").then()
                .statusCode(org.hamcrest.Matchers.oneOf(404, 405))
                .contentType("application/problem+json");
    }

    @Test
    void noStackTraceReachesTheClient() {
        String body = given().get(server.baseUri() + "/api/pages/%C3%28").then().extract().asString();
        assertThat(body).doesNotContain("at dev.inkstone").doesNotContain("at org.eclipse").doesNotContain("Exception");
    }

    private String rawRequest(String request) throws IOException {
        return rawRequest(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String rawRequest(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
