package dev.inkstone.http;

import dev.inkstone.auth.Role;
import dev.inkstone.config.HttpSettings;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;

/** With {@code --read-access token}, reading needs a token of any role; by default it is open. */
class ReadAccessTest {

    @TempDir
    Path dir;

    @Test
    void tokenModeRefusesAnonymousReadsAndAdmitsReaders() {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n");
            repo.commit("seed");
            HttpSettings tokenReads = new HttpSettings(List.of(), false, HttpSettings.DEFAULT_PAGE_BYTES,
                    HttpSettings.DEFAULT_FILE_BYTES, null);
            try (TestServer server = TestServer.start(repo.repository(), "main", tokenReads)) {
                given().spec(server.spec()).get("/api/nav").then().statusCode(401)
                        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"inkstone\"");
                given().spec(server.spec()).header("Authorization", "Bearer ink_not-a-token").get("/api/pages/")
                        .then().statusCode(401);
                given().spec(server.spec()).get("/api/health").then().statusCode(200);
                String reader = server.token("Rhea Reader", Role.READER);
                given().spec(server.spec()).header("Authorization", "Bearer " + reader).get("/api/nav").then()
                        .statusCode(200);
            }
            try (TestServer open = TestServer.start(repo)) {
                given().spec(open.spec()).get("/api/nav").then().statusCode(200);
            }
        }
    }
}
