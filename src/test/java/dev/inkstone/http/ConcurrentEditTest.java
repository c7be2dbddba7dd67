package dev.inkstone.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkstone.auth.Role;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers at once, some on the same pages and some with stale shas on purpose: no acknowledged edit is lost,
 * the history stays linear, and git fsck is clean.
 */
class ConcurrentEditTest {

    private static final int THREADS = 16;
    private static final int EDITS_PER_THREAD = 12;
    private static final int SHARED_PAGES = 3;
    private static final int LINES = THREADS;

    @TempDir
    Path dir;

    record Accepted(String page, String commit, boolean changed, boolean merged, String sent, String marker,
                    String answeredSha, String answeredHtml) {
    }

    @Test
    void hammeredWritesLoseNothing() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            for (int p = 0; p < SHARED_PAGES; p++) {
                repo.write("shared/p" + p + ".md", lines(Map.of()));
            }
            repo.write("index.md", "# Home\n");
            repo.commit("seed");
            try (TestServer server = TestServer.start(repo)) {
                String token = server.token("Hammer", Role.EDITOR);
                HttpClient client = HttpClient.newHttpClient();
                List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
                List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        String staleSha = null;
                        for (int n = 0; n < EDITS_PER_THREAD; n++) {
                            String page = n % 2 == 0 ? "own/t" + thread : "shared/p" + (n / 2 % SHARED_PAGES);
                            JsonNode current = get(client, server, "/api/pages/" + page);
                            String sha = current == null ? null : current.get("sha").asText();
                            if (n % 4 == 3 && staleSha != null && page.startsWith("shared")) {
                                sha = staleSha; // stale on purpose: must merge or answer 409, never overwrite
                            }
                            if (page.startsWith("shared")) {
                                staleSha = sha;
                            }
                            String base = current == null ? lines(Map.of())
                                    : source(client, server, page);
                            String marker = "t" + thread + "-edit" + n;
                            String content = replaceLine(base, thread, marker);
                            HttpResponse<String> response = put(client, server, token, page, content, sha);
                            statuses.add(response.statusCode());
                            if (response.statusCode() / 100 == 2) {
                                JsonNode body = Json.MAPPER.readTree(response.body());
                                accepted.add(new Accepted(page, body.get("commit").get("sha").asText(),
                                        body.get("changed").asBoolean(), body.get("merged").asBoolean(), content,
                                        marker, body.get("page").get("sha").asText(),
                                        body.get("page").get("html").asText()));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(5, TimeUnit.MINUTES);
                }
                pool.shutdown();

                assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
                assertThat(accepted.size()).isGreaterThan(THREADS * EDITS_PER_THREAD / 2);
                List<String> history = List.of(repo.git("rev-list", "main").split("\n"));
                Set<String> inHistory = new HashSet<>(history);
                assertThat(accepted).allSatisfy(a -> assertThat(inHistory).contains(a.commit()));
                assertThat(repo.git("rev-list", "--merges", "main")).isEmpty();
                long commits = accepted.stream().filter(Accepted::changed).map(Accepted::commit).distinct().count();
                // Each answer's page is the page of the commit that landed (rendered while it was made durable).
                for (Accepted a : accepted) {
                    if (a.changed()) {
                        String file = a.page() + ".md";
                        assertThat(a.answeredSha()).as(a.commit() + ":" + file)
                                .isEqualTo(repo.git("rev-parse", a.commit() + ":" + file).strip());
                        assertThat(a.answeredHtml()).contains(a.marker());
                    }
                }
                assertThat(history).hasSize((int) commits + 1);

                Map<String, Accepted> last = new HashMap<>();
                for (Accepted a : accepted) {
                    if (!a.changed()) {
                        continue;
                    }
                    Accepted previous = last.get(a.page());
                    if (previous == null || history.indexOf(a.commit()) < history.indexOf(previous.commit())) {
                        last.put(a.page(), a);
                    }
                }
                for (Accepted a : last.values()) {
                    String file = a.page() + ".md";
                    String finalContent = repo.git("show", "main:" + file);
                    assertThat(finalContent).isEqualTo(repo.git("show", a.commit() + ":" + file));
                    if (!a.merged()) {
                        assertThat(finalContent).isEqualTo(a.sent().strip());
                    }
                    assertThat(finalContent).contains(a.marker());
                }
                assertThat(repo.git("fsck", "--strict", "--no-dangling")).isEmpty();
            }
        }
    }

    private static String lines(Map<Integer, String> replaced) {
        StringBuilder text = new StringBuilder("---\ntitle: Shared\n---\n");
        for (int i = 0; i < LINES; i++) {
            text.append(replaced.getOrDefault(i, "line " + i)).append("\n\n");
        }
        return text.toString();
    }

    private static String replaceLine(String text, int line, String value) {
        List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
        int index = 3 + line * 2;
        all.set(index, value);
        return String.join("\n", all);
    }

    private static JsonNode get(HttpClient client, TestServer server, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()) : null;
    }

    private static String source(HttpClient client, TestServer server, String page) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/source/" + page)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> put(HttpClient client, TestServer server, String token, String page,
                                            String content, String sha) throws Exception {
        Map<String, String> body = new HashMap<>();
        body.put("content", content);
        if (sha != null) {
            body.put("sha", sha);
        }
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/pages/" + page))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
