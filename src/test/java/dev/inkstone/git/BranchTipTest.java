package dev.inkstone.git;

import dev.inkstone.content.Change;
import dev.inkstone.content.CommitRequest;
import dev.inkstone.content.Guard;
import dev.inkstone.content.Person;
import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered branch tip never answers a stale commit: commits made with the {@code git} CLI in quick succession
 * (within one file-system timestamp tick, where a size-and-time check alone would be fooled: a loose ref is always
 * 41 bytes), with the branch moving between a loose ref and {@code packed-refs} and back, are each seen by the very
 * next resolve once the trust window (a millisecond) has passed; a commit made in this process ends the window at once.
 */
class BranchTipTest {

    @TempDir
    Path dir;

    @Test
    void everyMoveOfTheBranchIsSeenAtOnce() {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            GitContentStore store = new GitContentStore(repo.repository(), "main");
            for (int i = 0; i < 40; i++) {
                repo.write("index.md", "# Home " + i + "\n");
                repo.git("add", "index.md");
                repo.git("-c", "user.name=Cli", "-c", "user.email=cli@example.com", "commit", "-q", "-m", "edit " + i);
                if (i % 10 == 3) {
                    repo.git("pack-refs", "--all"); // the branch moves into packed-refs, the loose file goes
                }
                if (i % 10 == 7) {
                    repo.git("update-ref", "refs/heads/main", "HEAD~1"); // back one, loose again
                }
                assertThat(store.resolve(null).commit()).as("after step " + i)
                        .isEqualTo(repo.git("rev-parse", "main").strip());
                // Asked again at once: the remembered answer is the same.
                assertThat(store.resolve(null).commit()).isEqualTo(repo.git("rev-parse", "main").strip());
            }
        }
    }

    @Test
    void aCommitInThisProcessEndsTheTrustWindowAtOnce() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            BranchTip tip = new BranchTip(repo.repository(), "main", TimeUnit.HOURS.toNanos(1));
            String start = repo.git("rev-parse", "main").strip();
            assertThat(tip.id()).contains(ObjectId.fromString(start));

            // Within the window the files are not looked at: a CLI commit is not seen yet.
            repo.write("index.md", "# Home by CLI\n");
            repo.git("add", "index.md");
            repo.git("-c", "user.name=Cli", "-c", "user.email=cli@example.com", "commit", "-q", "-m", "cli");
            assertThat(tip.id()).contains(ObjectId.fromString(start));

            // A commit through the writer fires the refs-changed event: seen at once, with the CLI commit under it.
            GitContentWriter writer = repo.writer();
            try {
                String written = writer.commit(new CommitRequest(List.of(new Change.Put("a.md",
                        "# A\n".getBytes(StandardCharsets.UTF_8), true, Guard.NONE)), "api",
                        new Person("Ann", "ann@example.com"), null)).commit().sha();
                assertThat(tip.id()).contains(ObjectId.fromString(written));
                assertThat(repo.git("rev-parse", written + "~1").strip())
                        .isEqualTo(repo.git("log", "-1", "--format=%H", "--grep=cli").strip());
            } finally {
                writer.close();
            }
        }
    }
}
