package dev.inkstone.git;

import dev.inkstone.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered branch tip never answers a stale commit: commits made with the {@code git} CLI in quick succession
 * (within one file-system timestamp tick, where a size-and-time check alone would be fooled: a loose ref is always
 * 41 bytes), with the branch moving between a loose ref and {@code packed-refs} and back, are each seen by the very
 * next resolve.
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
}
