package dev.inkstone.http.github;

import dev.inkstone.auth.Role;
import dev.inkstone.testing.TestRepo;
import dev.inkstone.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code @octokit/rest} client drives a scripted session ({@code src/test/node/octokit/session.mjs})
 * against the real server, on both mounts. Its Node packages (pinned by {@code package-lock.json}) are installed with
 * {@code npm ci} the first time, so {@code mvn -B verify} alone runs it on a fresh clone (Node 20+ and npm needed).
 */
class OctokitSessionTest {

    static final Path SCRIPT_DIR = Path.of("src/test/node/octokit");
    static final String NOTE = "notes/octokit 笔记.md";

    @TempDir
    Path dir;
    TestRepo repo;
    TestServer server;

    /** Installs the client once per clone, as {@code .ci/run} does; a clear failure when npm is missing. */
    @BeforeAll
    static void installClient() throws Exception {
        if (Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@octokit/rest"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--prefix", SCRIPT_DIR.toString(), "--no-audit", "--no-fund")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm ci took over 5 minutes").isTrue();
        assertThat(npm.exitValue()).as("npm ci --prefix " + SCRIPT_DIR + " failed").isZero();
    }

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir);
        repo.writeAll(Map.of("index.md", "# Home\n", "guide/intro.md", "# 指南 🚀\n\n正文第一行 ✨\n",
                "guide/deep/more.md", "# More\n"));
        repo.commit("seed");
        server = TestServer.start(repo);
    }

    @AfterEach
    void tearDown() {
        server.close();
        repo.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v3", ""})
    void octokitSessionPasses(String mount) throws Exception {
        assertThat(SCRIPT_DIR.resolve("node_modules/@octokit/rest")).as("run: npm ci --prefix " + SCRIPT_DIR)
                .isDirectory();
        String token = server.token("Olive Octokit", Role.EDITOR);
        Path log = Files.createTempFile(dir, "octokit", ".log");
        Process node = new ProcessBuilder("node", SCRIPT_DIR.resolve("session.mjs").toString(),
                server.baseUri() + mount, token).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = read(log);
        assertThat(finished).as("the session timed out:\n" + output).isTrue();
        assertThat(node.exitValue()).as("the session failed:\n" + output).isZero();
        assertThat(output).contains("session passed");

        assertThat(repo.git("log", "--format=%an <%ae>|%cn|%s", "--", NOTE)).isEqualTo(
                "Olive Octokit <olive.octokit@example.com>|Inkstone|Delete via Octokit\n"
                        + "Olive Octokit <olive.octokit@example.com>|Inkstone|Update via Octokit\n"
                        + "Olive Octokit <olive.octokit@example.com>|Inkstone|Create via Octokit 🐙");
        assertThat(repo.git("show", "main~1:" + NOTE))
                .isEqualTo("---\ntitle: 章鱼 🐙\n---\n第一版 ✨ emoji 😀\n第二版 🚀 — “quotes” and ünïcödé");
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
