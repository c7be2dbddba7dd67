package dev.inkstone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkstone.http.Json;
import dev.inkstone.http.RequestPaths;
import org.eclipse.jgit.util.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inkstone train}: starts the service once on the sample content in a temporary folder, makes the requests a
 * deployment makes (navigation, every page with its source and history, search, edits), stops and exits. Run under
 * {@code -XX:ArchiveClassesAtExit=FILE}, the JVM records every class this loaded into a class-data archive (AppCDS);
 * a service started with {@code -XX:SharedArchiveFile=FILE} maps them instead of finding, parsing and verifying
 * them again. That is most of a start: on 10,000 pages it cut the time to ready by about a second (bench/).
 * A JVM that finds the archive does not match its jar (rebuilt, moved) says so and starts without it.
 */
@Command(name = "train", description = "Run the service once on the sample content and exit: run it under "
        + "-XX:ArchiveClassesAtExit=FILE to record a class-data archive, then start with -XX:SharedArchiveFile=FILE.")
final class TrainingRun implements Callable<Integer> {

    private static final Duration SEARCH_WAIT = Duration.ofSeconds(60);

    /** One request made and its answer's status. */
    record Exchange(String method, String path, int status) {
    }

    @Override
    public Integer call() throws Exception {
        Path folder = Files.createTempDirectory("inkstone-train-");
        try {
            Main main = new Main();
            new CommandLine(main).parseArgs("--port", "0", "--data", folder.resolve("data").toString());
            main.repo = null; // the sample content, whatever INKSTONE_REPO says
            main.branch = null;
            List<Exchange> exchanges;
            try (Main.Running running = main.start()) {
                exchanges = exercise(URI.create("http://127.0.0.1:" + running.app().port()),
                        running.adminToken().orElseThrow());
            }
            List<Exchange> failed = exchanges.stream().filter(e -> e.status() >= 400).toList();
            System.out.println("training run: " + exchanges.size() + " requests, " + failed.size() + " failed"
                    + (failed.isEmpty() ? "" : ": " + failed));
            return failed.isEmpty() ? 0 : 1;
        } finally {
            FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
    }

    /** The requests, against a running service whose admin token is {@code token}. */
    static List<Exchange> exercise(URI base, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        List<Exchange> exchanges = new ArrayList<>();
        Session session = new Session(client, base, token, exchanges);
        session.get("/api/health");
        session.get("/api/nav");
        JsonNode flat = Json.MAPPER.readTree(session.get("/api/nav?flat=true"));
        for (JsonNode page : flat.path("pages")) {
            String path = RequestPaths.encode(page.path("path").asText());
            session.get(path.isEmpty() ? "/api/pages" : "/api/pages/" + path);
            if (!path.isEmpty()) {
                session.get("/api/source/" + path);
                session.get("/api/history/" + path);
            }
        }
        long deadline = System.nanoTime() + SEARCH_WAIT.toNanos();
        // The search index is built in the background after a start; until then search answers 503.
        while (session.poll("/api/search?q=git") == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        session.get("/api/search?q=git");
        JsonNode created = Json.MAPPER.readTree(session.put("/api/pages/training/run",
                Map.of("content", "# Training run\n\nA page the training run writes.\n")));
        session.put("/api/pages/training/run", Map.of("content", "# Training run\n\nWritten again.\n",
                "sha", created.path("page").path("sha").asText()));
        session.get("/api/history/training/run");
        session.get("/api/changes");
        return exchanges;
    }

    /** Requests that record their status; bodies come back as text. */
    private record Session(HttpClient client, URI base, String token, List<Exchange> exchanges) {

        String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET(), "GET", path).body();
        }

        /** A status only, not recorded: for waiting. */
        int poll(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String put(String path, Map<String, String> body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
            return send(request, "PUT", path).body();
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String method, String path)
                throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            exchanges.add(new Exchange(method, path, response.statusCode()));
            return response;
        }
    }
}
