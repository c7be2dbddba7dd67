package dev.inkstone.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.content.Change;
import dev.inkstone.content.CommitOutcome;
import dev.inkstone.content.CommitRequest;
import dev.inkstone.content.Guard;
import dev.inkstone.content.Person;
import dev.inkstone.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a writer hands to the work beside a commit: a commit that can already be read, and that is the one
 * acknowledged unless the branch moved underneath; then the batch is rebuilt on top and nothing is lost.
 */
class CommitMeanwhileTest {

    @TempDir
    Path dir;

    private static CommitRequest put(String path, String content, Guard guard) {
        return new CommitRequest(List.of(new Change.Put(path, content.getBytes(StandardCharsets.UTF_8), true,
                guard)), "edit " + path, new Person("Ann", "ann@example.com"), null);
    }

    @Test
    void theCommitSeenMeanwhileIsReadableAndIsTheOneAcknowledged() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            GitContentWriter writer = repo.writer();
            try {
                for (int i = 0; i < 10; i++) {
                    String content = "# Page " + i + "\n";
                    AtomicReference<String> seen = new AtomicReference<>();
                    String path = "p" + i + ".md";
                    CommitOutcome outcome = writer.commit(put(path, content, Guard.NONE), built -> {
                        seen.set(built.commit().sha());
                        assertThat(read(repo, built.commit().sha(), path)).isEqualTo(content);
                    });
                    assertThat(seen.get()).isEqualTo(outcome.commit().sha());
                    assertThat(repo.git("rev-parse", "main").strip()).isEqualTo(outcome.commit().sha());
                }
                // Unchanged: nothing to prepare.
                AtomicReference<String> seen = new AtomicReference<>();
                Guard current = Guard.strict(repo.git("rev-parse", "main:p9.md").strip());
                assertThat(writer.commit(put("p9.md", "# Page 9\n", current), built -> seen.set("called")).changed())
                        .isFalse();
                assertThat(seen.get()).isNull();
            } finally {
                writer.close();
            }
        }
    }

    @Test
    void aBranchMovedWhileTheCommitWaitsLosesNothingAndTheAnswerNamesWhatLanded() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            GitContentWriter writer = repo.writer();
            Set<String> cliCommits = new HashSet<>();
            int rebuilt = 0;
            try {
                for (int i = 0; i < 12; i++) {
                    int n = i;
                    AtomicReference<String> seen = new AtomicReference<>();
                    AtomicReference<String> outside = new AtomicReference<>();
                    CommitRequest request = put("api" + n + ".md", "# Api " + n + "\n", Guard.NONE);
                    CommitOutcome outcome = writer.commit(request, built -> {
                        seen.set(built.commit().sha());
                        // Another process commits on the branch while ours is being made durable (plumbing, so
                        // the working tree the writer keeps in step is not touched).
                        String old = repo.git("rev-parse", "main").strip();
                        String commit = repo.git("-c", "user.name=Cli", "-c", "user.email=cli@example.com",
                                "commit-tree", old + "^{tree}", "-p", old, "-m", "cli " + n).strip();
                        repo.git("update-ref", "refs/heads/main", commit, old);
                        outside.set(commit);
                        cliCommits.add(commit);
                    });
                    String landed = outcome.commit().sha();
                    if (!landed.equals(seen.get())) {
                        rebuilt++;
                        // Rebuilt on top of the outside commit.
                        assertThat(repo.git("rev-list", landed).split("\n")).contains(outside.get());
                    }
                    assertThat(read(repo, landed, "api" + n + ".md")).isEqualTo("# Api " + n + "\n");
                }
                Set<String> history = Set.of(repo.git("rev-list", "main").strip().split("\n"));
                assertThat(history).containsAll(cliCommits);
                assertThat(repo.git("rev-list", "--merges", "main")).isBlank();
                assertThat(repo.git("fsck", "--strict", "--no-dangling")).isBlank();
                System.out.println("writes rebuilt after an outside commit: " + rebuilt + " of 12");
            } finally {
                writer.close();
            }
        }
    }

    private static String read(TestRepo repo, String commit, String path) {
        try (ObjectReader reader = repo.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tree = TreeWalk.forPath(reader, path, parsed.getTree())) {
                return tree == null ? null
                        : new String(reader.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
