package dev.inkstone.http;

import dev.inkstone.auth.Role;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A served clone's working tree follows commits while it is clean, and is never overwritten when it is not. */
class WorkingTreeTest {

    @TempDir
    Path dir;

    @Test
    void cleanWorkingTreeFollowsCommitsAndADirtyOneIsLeftAloneAndReported() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").write("a.md", "# A\n");
            repo.commit("seed");
            try (TestServer server = TestServer.start(repo)) {
                String token = server.token("Wanda", Role.EDITOR);
                given().spec(server.spec()).header("Authorization", "Bearer " + token).contentType("application/json")
                        .body(Map.of("content", "# B\n")).put("/api/pages/b").then().statusCode(201);
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("b.md")));
                assertThat(Files.readString(dir.resolve("b.md"))).isEqualTo("# B\n");
                assertThat(repo.git("status", "--porcelain")).isEmpty();
                given().spec(server.spec()).get("/api/health").then().statusCode(200)
                        .body("workingTreeDirty", equalTo(false));

                Files.writeString(dir.resolve("a.md"), "# A, edited locally and not committed\n");
                given().spec(server.spec()).header("Authorization", "Bearer " + token).contentType("application/json")
                        .body(Map.of("content", "# C\n")).put("/api/pages/c").then().statusCode(201);
                await().atMost(Duration.ofSeconds(20)).until(() -> server.writer().workingTree().dirty());
                assertThat(dir.resolve("c.md")).doesNotExist();
                assertThat(Files.readString(dir.resolve("a.md"))).isEqualTo("# A, edited locally and not committed\n");
                assertThat(repo.git("show", "main:c.md")).isEqualTo("# C");
                given().spec(server.spec()).get("/api/health").then().statusCode(200)
                        .body("workingTreeDirty", equalTo(true));
            }
        }
    }
}
