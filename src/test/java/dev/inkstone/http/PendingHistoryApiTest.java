package dev.inkstone.http;

import dev.inkstone.content.Page;
import dev.inkstone.git.GitHistoryStore;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the history index is ready a page's last change and authorship come from bounded walks; when a walk would
 * be long the page is served at once with those fields left empty and a warning saying why, and that answer is not
 * cached: the next read, once history can tell, carries {@code updated}, {@code created} and {@code contributors}.
 */
class PendingHistoryApiTest {

    @TempDir
    Path dir;
    @TempDir
    Path data;
    TestRepo repo;
    TestServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        repo.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageReadBeforeHistoryCanTellIsServedWithAWarningAndNotCached() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# Home\n", "guide.md", "# Guide\n"));
        String created = repo.commit("start");
        for (int i = 0; i < 12; i++) {
            repo.write("index.md", "# Home\n\n" + i + "\n").commit("home " + i);
        }
        GitHistoryStore history = GitHistoryStore.withoutIndex(repo.repository(), "main", data.resolve("unused.idx"));
        history.limitWalks(5);
        server = TestServer.start(repo, history);

        Map<String, Object> pending = given().spec(server.spec()).get("/api/pages/guide").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(pending.get("created")).isNull();
        assertThat((List<?>) pending.get("contributors")).isEmpty();
        assertThat((List<Object>) pending.get("warnings")).containsExactly(Page.HISTORY_PENDING);
        assertThat(pending.get("updated")).as("guide.md last changed 13 commits back").isNull();

        history.limitWalks(Long.MAX_VALUE);
        Map<String, Object> full = given().spec(server.spec()).get("/api/pages/guide").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(((Map<?, ?>) full.get("created")).get("commit")).isEqualTo(created);
        assertThat(((Map<?, ?>) full.get("updated")).get("commit")).isEqualTo(created);
        assertThat((List<?>) full.get("contributors")).hasSize(1);
        assertThat((List<?>) full.get("warnings")).isEmpty();
    }
}
