package dev.inkstone.git;

import dev.inkstone.auth.Role;
import dev.inkstone.auth.UserStore;
import dev.inkstone.testing.GitCli;
import dev.inkstone.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What "acknowledged" means: on disk. A killed process keeps every acknowledged commit and leaves a repository
 * git fsck accepts; the system calls of one write show the fsyncs that make it so.
 */
class DurabilityTest {

    private static final Pattern COMMIT = Pattern.compile("\"commit\":\\{\"sha\":\"([0-9a-f]{40})\"");

    @TempDir
    Path data;

    @Test
    void killedUnderWriteLoadKeepsEveryAcknowledgedCommit() throws Exception {
        String token = new UserStore(data).add("Crash Tester", "crash@example.com", Role.EDITOR);
        Path log = data.resolve("service.log");
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (ServiceProcess service = ServiceProcess.start(data, log, List.of())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; !stop.get() && n < 10_000; n++) {
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                            URI.create(service.baseUri() + "/api/pages/crash/w" + writer + "-" + n))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(5))
                                    .PUT(HttpRequest.BodyPublishers.ofString(
                                            "{\"content\":\"# page " + writer + "-" + n + "\\n\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            Matcher matcher = COMMIT.matcher(response.body());
                            if (response.statusCode() == 201 && matcher.find()) {
                                acknowledged.add(matcher.group(1));
                            }
                        } catch (Exception e) {
                            return; // the service is gone
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.kill();
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
        Path gitDir = data.resolve("content.git");
        assertThat(GitCli.run(gitDir, "fsck", "--strict", "--no-dangling")).isEmpty();
        Set<String> history = Set.of(GitCli.run(gitDir, "rev-list", "main").split("\n"));
        assertThat(history).containsAll(List.copyOf(acknowledged));

        Files.writeString(gitDir.resolve("refs/heads/main.lock"), "stale\n");
        try (ServiceProcess again = ServiceProcess.start(data, log, List.of())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(again.baseUri() + "/api/pages/after-restart"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"content\":\"# after\\n\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
        assertThat(gitDir.resolve("refs/heads/main.lock")).doesNotExist();
    }

    @Test
    void oneWriteFsyncsItsPackItsRefAndTheirDirectories() throws Exception {
        String token = new UserStore(data).add("Trace", "trace@example.com", Role.EDITOR);
        Path trace = data.resolve("strace.txt");
        Path log = data.resolve("service.log");
        List<String> strace = List.of("strace", "-f", "-qq", "-y", "-e", "trace=fsync,fdatasync", "-o",
                trace.toString());
        try (ServiceProcess service = ServiceProcess.start(data, log, strace)) {
            long before = Files.size(trace);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(service.baseUri() + "/api/pages/traced"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"content\":\"# traced\\n\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
            String calls = Files.readString(trace).substring((int) before);
            String git = Pattern.quote(data.resolve("content.git").toRealPath().toString());
            List<String> lines = calls.lines().toList();
            int pack = fsynced(lines, git + "/objects/pack/pack-[0-9a-f]+\\.pack");
            int index = fsynced(lines, git + "/objects/pack/pack-[0-9a-f]+\\.idx");
            int packDirectory = fsynced(lines, git + "/objects/pack");
            int refLock = fsynced(lines, git + "/refs/heads/main\\.lock");
            int refDirectory = fsynced(lines, git + "/refs/heads");
            // The pack and its index may be fsynced concurrently, but both before the directory that names them,
            // and all of it before the ref's lock file is renamed into place (its directory fsync comes last).
            assertThat(pack).isLessThan(packDirectory);
            assertThat(index).isLessThan(packDirectory);
            assertThat(packDirectory).isLessThan(refLock);
            assertThat(refLock).isLessThan(refDirectory);
        }
    }

    /**
     * The line on which a successful fsync of {@code path} (a regex) returned. strace shows a call that overlaps
     * with another thread's as "&lt;unfinished ...&gt;" and its result later as "&lt;... fsync resumed&gt;" on the same pid;
     * it pads short pids with spaces.
     */
    private static int fsynced(List<String> lines, String path) {
        Pattern call = Pattern.compile("^(\\d+) +fsync\\(\\d+<" + path + ">(\\) += 0| <unfinished \\.\\.\\.>)$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = call.matcher(lines.get(i));
            if (!matcher.matches()) {
                continue;
            }
            if (!matcher.group(2).contains("unfinished")) {
                return i;
            }
            Pattern resumed = Pattern.compile("^" + matcher.group(1) + " +<\\.\\.\\. fsync resumed>\\) += 0$");
            for (int j = i + 1; j < lines.size(); j++) {
                if (resumed.matcher(lines.get(j)).matches()) {
                    return j;
                }
            }
        }
        throw new AssertionError("no successful fsync of " + path + " in:\n" + String.join("\n", lines));
    }
}
