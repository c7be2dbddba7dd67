package dev.inkstone.git;

import dev.inkstone.content.HistoryItem;
import dev.inkstone.content.HistoryPage;
import dev.inkstone.content.Revision;
import dev.inkstone.testing.TestRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The per-path history index answers exactly what a walk answers, survives restarts, and heals itself. */
class HistoryIndexTest {

    @TempDir
    Path dir;
    @TempDir
    Path data;
    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(dir);
        repo.write("index.md", "# Home\n");
        repo.write("docs/a.md", "# A\n\nalpha\nbeta\ngamma\ndelta\n");
        repo.write("docs/b.md", "# B\n");
        repo.commit("one");
        repo.write("docs/a.md", "# A\n\nalpha\nBETA\ngamma\ndelta\n");
        repo.commit("two");
        Files.createDirectories(dir.resolve("guide"));
        repo.git("mv", "docs/a.md", "guide/a.md");
        repo.git("commit", "-q", "-m", "three: rename");
        repo.write("guide/a.md", "# A\n\nalpha\nBETA\ngamma\ndelta\nepsilon\n");
        repo.delete("docs/b.md");
        repo.commit("four");
        for (int i = 0; i < 25; i++) {
            repo.write("guide/a.md", "# A\n\nalpha\nBETA\ngamma\ndelta\nepsilon " + i + "\n");
            repo.commit("edit " + i);
        }
    }

    private GitHistoryStore indexed(Path file) {
        GitHistoryStore store = new GitHistoryStore(repo.repository(), "main", file);
        await().atMost(Duration.ofSeconds(30)).until(store::indexReady);
        return store;
    }

    private static List<HistoryItem> all(GitHistoryStore store, Revision revision, String file, int pageSize) {
        List<HistoryItem> items = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = store.fileHistory(revision, file, pageSize, cursor);
            items.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return items;
    }

    private static List<String> summary(List<HistoryItem> items) {
        return items.stream().map(i -> i.message() + "|" + i.change() + "|" + i.path() + "|" + i.previousPath()).toList();
    }

    private Revision tip() {
        return new Revision(repo.git("rev-parse", "main"), false);
    }

    @Test
    void indexAnswersWhatTheWalkAnswers() {
        GitHistoryStore walk = new GitHistoryStore(repo.repository(), "main", data.resolve("unused.idx"), false);
        GitHistoryStore index = indexed(data.resolve("h.idx"));
        for (String file : List.of("guide/a.md", "docs/b.md", "index.md")) {
            for (int pageSize : List.of(1, 7, 100)) {
                assertThat(summary(all(index, tip(), file, pageSize))).as(file + " by " + pageSize)
                        .isEqualTo(summary(all(walk, tip(), file, pageSize)));
                assertThat(all(index, tip(), file, pageSize)).isEqualTo(all(walk, tip(), file, pageSize));
            }
        }
        List<HistoryItem> a = all(index, tip(), "guide/a.md", 100);
        assertThat(a).hasSize(29);
        assertThat(a.get(26).change()).isEqualTo("renamed");
        assertThat(a.get(26).previousPath()).isEqualTo("docs/a.md");
        assertThat(a.get(28).change()).isEqualTo("added");
        String old = repo.git("rev-parse", "main~20");
        assertThat(all(index, new Revision(old, true), "guide/a.md", 100))
                .isEqualTo(all(walk, new Revision(old, true), "guide/a.md", 100));
    }

    @Test
    void lastChangeAndAuthorshipComeFromTheIndex() {
        GitHistoryStore index = indexed(data.resolve("h.idx"));
        assertThat(index.lastChange(tip(), "guide/a.md").orElseThrow().commit())
                .isEqualTo(repo.git("log", "-1", "--format=%H", "--", "guide/a.md"));
        assertThat(index.lastChange(tip(), "docs").orElseThrow().commit())
                .isEqualTo(repo.git("log", "-1", "--format=%H", "--", "docs"));
        assertThat(index.authorship(tip(), "guide/a.md").created().commit())
                .isEqualTo(repo.git("rev-list", "--max-parents=0", "main"));
    }

    @Test
    void authorshipFromTheIndexEqualsAuthorshipFromAWalk() {
        org.eclipse.jgit.lib.PersonIdent bob = new org.eclipse.jgit.lib.PersonIdent("Bob", "bob@example.com");
        for (int i = 0; i < 3; i++) {
            repo.write("guide/a.md", "# A\n\nby Bob " + i + "\n");
            repo.commitAs(bob, "bob " + i);
        }
        repo.write("index.md", "# Home\n\nby Bob\n");
        repo.commitAs(bob, "bob home");
        GitHistoryStore walk = new GitHistoryStore(repo.repository(), "main", data.resolve("unused.idx"), false);
        GitHistoryStore index = indexed(data.resolve("h.idx"));
        for (Revision revision : List.of(tip(), new Revision(repo.git("rev-parse", "main~10"), true))) {
            for (String file : List.of("guide/a.md", "index.md", "docs/b.md", "docs/a.md", "missing.md")) {
                assertThat(index.authorship(revision, file)).as(file + " at " + revision.commit())
                        .isEqualTo(walk.authorship(revision, file));
            }
        }
        // Oldest first, so each answer extends the one before (IndexedAuthorship), then a rename and more edits.
        for (int back = 14; back >= 0; back--) {
            Revision revision = new Revision(repo.git("rev-parse", "main~" + back), true);
            assertThat(index.authorship(revision, "guide/a.md")).as("main~" + back)
                    .isEqualTo(walk.authorship(revision, "guide/a.md"));
        }
        repo.git("mv", "guide/a.md", "guide/renamed.md");
        repo.git("commit", "-q", "-m", "rename again");
        repo.write("guide/renamed.md", "# A\n\nafter the rename\n");
        repo.commitAs(bob, "bob after rename");
        for (String file : List.of("guide/renamed.md", "guide/a.md")) {
            assertThat(index.authorship(tip(), file)).as(file).isEqualTo(walk.authorship(tip(), file));
        }
        assertThat(index.authorship(tip(), "guide/renamed.md").contributors()).extracting(c -> c.name() + ":" + c.commits())
                .containsExactly("Alice Author:28", "Bob:4", "Carol Cli:2");
        var authorship = index.authorship(tip(), "guide/a.md");
        assertThat(authorship.contributors()).extracting(c -> c.name() + ":" + c.commits())
                .containsExactly("Alice Author:28", "Bob:3", "Carol Cli:2");
        assertThat(authorship.created().commit()).isEqualTo(repo.git("rev-list", "--max-parents=0", "main"));
    }

    @Test
    void indexAdvancesWithNewCommitsAndIsReusedAfterARestart() throws Exception {
        Path file = data.resolve("h.idx");
        GitHistoryStore first = indexed(file);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        repo.write("guide/a.md", "# A\n\nnew\n");
        String newest = repo.commit("after indexing");
        assertThat(first.fileHistory(tip(), "guide/a.md", 1, null).items().get(0).commit()).isEqualTo(newest);

        HistoryIndex loaded;
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file))))) {
            loaded = HistoryIndex.read(in);
        }
        assertThat(loaded.size()).isGreaterThanOrEqualTo(29);
        GitHistoryStore second = indexed(file);
        assertThat(second.fileHistory(tip(), "guide/a.md", 1, null).items().get(0).commit()).isEqualTo(newest);
    }

    @Test
    void indexAdvancedAcrossLinesMergesAndLongRunsAnswersWhatTheWalkAnswers() throws Exception {
        GitHistoryStore index = indexed(data.resolve("h.idx"));
        GitHistoryStore walk = new GitHistoryStore(repo.repository(), "main", data.resolve("unused.idx"), false);
        // One commit at a time: each advance is a line of one commit.
        for (int i = 0; i < 3; i++) {
            repo.write("docs/c.md", "# C\n\n" + i + "\n");
            repo.commit("line " + i);
            assertThat(index.fileHistory(tip(), "docs/c.md", 100, null).items()).hasSize(i + 1);
        }
        // A merge: the advance cannot be a line, so the general walk takes it.
        repo.git("checkout", "-q", "-b", "side", "main~2");
        repo.write("side.md", "# Side\n");
        repo.commit("on the side");
        repo.git("checkout", "-q", "main");
        repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side");
        assertThat(index.fileHistory(tip(), "side.md", 100, null).items()).hasSize(1);
        // A run longer than the line is followed for: the general walk again.
        for (int i = 0; i < HistoryIndexer.LINEAR_STEPS + 3; i++) {
            repo.write("docs/c.md", "# C\n\nrun " + i + "\n");
            repo.commit("run " + i);
        }
        assertThat(index.fileHistory(tip(), "docs/c.md", 1, null).items().get(0).message()).isEqualTo(
                "run " + (HistoryIndexer.LINEAR_STEPS + 2));
        for (String file : List.of("docs/c.md", "side.md", "guide/a.md", "index.md")) {
            assertThat(all(index, tip(), file, 100)).as(file).isEqualTo(all(walk, tip(), file, 100));
        }
        assertThat(index.authorship(tip(), "docs/c.md")).isEqualTo(walk.authorship(tip(), "docs/c.md"));
    }

    @Test
    void aCommitAheadOfTheBranchIsAnsweredFromTheIndexAndDroppingItHealsTheIndex() {
        GitHistoryStore index = indexed(data.resolve("h.idx"));
        GitHistoryStore walk = new GitHistoryStore(repo.repository(), "main", data.resolve("unused.idx"), false);
        String tip = repo.git("rev-parse", "main").strip();
        // Two commits made but not on the branch yet, as the writer's are while they are made durable.
        repo.write("guide/a.md", "# A\n\nahead\n");
        repo.git("add", "guide/a.md");
        String tree = repo.git("write-tree").strip();
        String first = repo.git("commit-tree", tree,
                "-p", tip, "-m", "ahead one").strip();
        String second = repo.git("commit-tree", tree,
                "-p", first, "-m", "ahead two").strip();
        Revision ahead = new Revision(second, true);
        assertThat(index.authorship(ahead, "guide/a.md")).isEqualTo(walk.authorship(ahead, "guide/a.md"));
        assertThat(all(index, ahead, "guide/a.md", 100)).isEqualTo(all(walk, ahead, "guide/a.md", 100));
        HistoryPage newest = index.fileHistory(ahead, "guide/a.md", 1, null);
        assertThat(newest.items().get(0).commit()).isEqualTo(first);
        // Answered from the index (its cursors are sequence numbers), not by a walk.
        assertThat(GitHistoryStore.HistoryCursor.isWalkPosition(
                GitHistoryStore.HistoryCursor.decode(newest.next()).after())).isFalse();
        // They are dropped: the branch moves on from the old tip instead.
        repo.git("reset", "-q", "--hard", tip);
        repo.write("guide/a.md", "# A\n\ninstead\n");
        repo.commit("instead");
        for (String file : List.of("guide/a.md", "index.md")) {
            assertThat(all(index, tip(), file, 100)).as(file).isEqualTo(all(walk, tip(), file, 100));
        }
        assertThat(index.authorship(tip(), "guide/a.md")).isEqualTo(walk.authorship(tip(), "guide/a.md"));
        assertThat(index.lastChange(tip(), "guide/a.md")).isEqualTo(walk.lastChange(tip(), "guide/a.md"));
    }

    @Test
    void indexIsRebuiltWhenItsFileIsDeletedOrDamaged() throws Exception {
        Path file = data.resolve("h.idx");
        GitHistoryStore original = indexed(file);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        List<HistoryItem> expected = all(original, tip(), "guide/a.md", 100);

        Files.delete(file);
        GitHistoryStore rebuilt = indexed(file);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        assertThat(all(rebuilt, tip(), "guide/a.md", 100)).isEqualTo(expected);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        GitHistoryStore healed = indexed(file);
        assertThat(all(healed, tip(), "guide/a.md", 100)).isEqualTo(expected);
    }
}
