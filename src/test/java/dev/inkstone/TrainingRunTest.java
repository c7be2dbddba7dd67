package dev.inkstone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The training run makes every request it means to, and every one succeeds, on a real service. */
class TrainingRunTest {

    @TempDir
    Path dir;

    @Test
    void everyRequestOfTheTrainingRunSucceeds() throws Exception {
        Main main = new Main();
        new CommandLine(main).parseArgs("--port", "0", "--data", dir.resolve("data").toString());
        main.repo = null;
        main.branch = null;
        List<TrainingRun.Exchange> exchanges;
        try (Main.Running running = main.start()) {
            exchanges = TrainingRun.exercise(URI.create("http://127.0.0.1:" + running.app().port()),
                    running.adminToken().orElseThrow());
        }
        assertThat(exchanges).allSatisfy(e -> assertThat(e.status()).as(e.toString()).isLessThan(400));
        assertThat(exchanges).extracting(TrainingRun.Exchange::path)
                .contains("/api/nav", "/api/pages", "/api/search?q=git", "/api/history/training/run");
        // Every page of the sample content was read, with its source and history.
        long pages = exchanges.stream().filter(e -> e.path().startsWith("/api/pages/") && e.method().equals("GET"))
                .count();
        assertThat(pages).isGreaterThan(10);
        assertThat(exchanges.stream().filter(e -> e.path().startsWith("/api/source/")).count()).isEqualTo(pages);
        // The two edits are commits, as git itself sees them.
        Process log = new ProcessBuilder("git", "--git-dir", dir.resolve("data/content.git").toString(), "log",
                "--format=%an", "-2", "--", "training/run.md").redirectErrorStream(true).start();
        String authors = new String(log.getInputStream().readAllBytes()).strip();
        assertThat(log.waitFor()).isZero();
        assertThat(authors.split("\n")).hasSize(2);
    }

    @Test
    void theCommandRunsAndSucceeds() throws Exception {
        assertThat(new TrainingRun().call()).isZero();
    }
}
