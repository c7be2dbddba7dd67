package dev.inkstone.git;

import dev.inkstone.content.HistoryItem;
import dev.inkstone.content.HistoryPage;
import dev.inkstone.content.Revision;
import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History answered before the index is ready (walks over commit-graph headers and changed-path Bloom filters)
 * agrees with {@code git log}, merges included, and the Bloom filters really spare the walk its tree reads.
 */
class PathWalkTest {

    @TempDir
    Path dir;
    @TempDir
    Path data;
    TestRepo repo;
    Repository served;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(dir);
        repo.write("index.md", "# Home\n");
        repo.write("docs/a.md", "# A\n\none\n");
        repo.write("docs/deep/c.md", "# C\n");
        repo.write("notes/n.md", "# N\n");
        repo.commit("start");
        for (int i = 0; i < 40; i++) {
            repo.write("notes/n.md", "# N\n\n" + i + "\n");
            repo.commit("note " + i);
        }
        repo.git("checkout", "-q", "-b", "side");
        repo.write("docs/a.md", "# A\n\none\nside\n");
        repo.commit("side edits a");
        repo.write("docs/deep/c.md", "# C\n\nside\n");
        repo.commit("side edits c");
        repo.git("checkout", "-q", "main");
        repo.write("notes/n.md", "# N\n\nmain\n");
        repo.commit("main edits n");
        // A merge that takes a.md and c.md from side unchanged: git log -- docs/a.md skips it.
        repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side");
        repo.git("checkout", "-q", "-b", "other", "main~1");
        repo.write("docs/a.md", "# A\n\nother\n");
        repo.commit("other edits a");
        repo.git("checkout", "-q", "main");
        // A merge whose result differs from both parents: git log -- docs/a.md lists it.
        repo.git("merge", "-q", "--no-ff", "-s", "ours", "-m", "merge other, resolved", "other");
        repo.write("docs/a.md", "# A\n\nresolved\n");
        repo.git("add", "docs/a.md");
        repo.git("commit", "-q", "--amend", "--no-edit");
        Files.delete(dir.resolve("docs/deep/c.md"));
        repo.commit("remove c");
        repo.write("docs/deep/c.md", "# C again\n");
        repo.commit("bring c back");
        repo.git("commit-graph", "write", "--reachable", "--changed-paths");
        served = RepositorySetup.open(dir);
    }

    @AfterEach
    void tearDown() {
        served.close();
        repo.close();
    }

    private Revision tip() {
        return new Revision(repo.git("rev-parse", "main"), false);
    }

    private List<String> walked(GitHistoryStore store, String file, int pageSize) {
        List<String> commits = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = store.fileHistory(tip(), file, pageSize, cursor);
            page.items().stream().map(HistoryItem::commit).forEach(commits::add);
            cursor = page.next();
        } while (cursor != null);
        return commits;
    }

    private List<String> gitLog(String... args) {
        List<String> argv = new ArrayList<>(List.of("log", "--format=%H"));
        argv.addAll(Arrays.asList(args));
        String out = repo.git(argv.toArray(String[]::new));
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void historyBeforeTheIndexIsReadyListsWhatGitLogLists() {
        GitHistoryStore walk = new GitHistoryStore(served, "main", data.resolve("unused.idx"), false);
        for (String file : List.of("docs/a.md", "docs/deep/c.md", "notes/n.md", "index.md")) {
            for (int pageSize : List.of(1, 3, 100)) {
                assertThat(walked(walk, file, pageSize)).as(file + " by " + pageSize)
                        .isEqualTo(gitLog("--", file));
            }
        }
    }

    @Test
    void commitsMadeAfterTheCommitGraphWasWrittenAreWalkedToo() {
        repo.write("notes/n.md", "# N\n\nafter the graph\n");
        repo.commit("after the graph 1");
        repo.write("docs/a.md", "# A\n\nafter the graph\n");
        repo.commit("after the graph 2");
        GitHistoryStore walk = new GitHistoryStore(served, "main", data.resolve("unused.idx"), false);
        for (String file : List.of("docs/a.md", "notes/n.md", "docs/deep/c.md")) {
            assertThat(walked(walk, file, 2)).as(file).isEqualTo(gitLog("--", file));
        }
    }

    @Test
    void lastChangeBeforeTheIndexIsReadyIsGitLogMinusOne() {
        GitHistoryStore walk = new GitHistoryStore(served, "main", data.resolve("unused.idx"), false);
        for (String path : List.of("docs/a.md", "docs/deep/c.md", "docs/deep", "docs", "notes", "index.md")) {
            assertThat(walk.lastChange(tip(), path).orElseThrow().commit()).as(path)
                    .isEqualTo(gitLog("-1", "--", path).get(0));
        }
        assertThat(walk.authorship(tip(), "docs/a.md").created().commit())
                .isEqualTo(repo.git("rev-list", "--max-parents=0", "main"));
        // Asked after the authorship walk, the last change comes from that walk's first item: still git's answer.
        assertThat(walk.lastChange(tip(), "docs/a.md").orElseThrow())
                .isEqualTo(new GitHistoryStore(served, "main", data.resolve("other.idx"), false)
                        .lastChange(tip(), "docs/a.md").orElseThrow());
        java.util.Map<String, Long> byGit = java.util.Arrays.stream(
                        repo.git("log", "--format=%an", "--", "docs/a.md").split("\n"))
                .collect(java.util.stream.Collectors.groupingBy(name -> name, java.util.stream.Collectors.counting()));
        assertThat(walk.authorship(tip(), "docs/a.md").contributors())
                .allSatisfy(c -> assertThat((long) c.commits()).as(c.name()).isEqualTo(byGit.get(c.name())))
                .hasSize(byGit.size());
    }

    @Test
    void historyBeforeTheIndexIsReadyIsPendingWhenTheWalkWouldBeLongAndNotKept() {
        GitHistoryStore walk = new GitHistoryStore(served, "main", data.resolve("unused.idx"), false);
        walk.limitWalks(10);
        // docs/a.md was created by the first of ~48 commits: a walk of 10 does not reach it.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> walk.authorship(tip(), "docs/a.md"))
                .isInstanceOf(dev.inkstone.content.HistoryPendingException.class);
        // Its last change is 3 commits back: within the budget.
        assertThat(walk.lastChange(tip(), "docs/a.md").orElseThrow().commit())
                .isEqualTo(gitLog("-1", "--", "docs/a.md").get(0));
        walk.limitWalks(GitHistoryStore.HISTORY_WALK_COMMITS);
        var full = walk.authorship(tip(), "docs/a.md");
        assertThat(full.created()).as("the pending answer was not kept").isNotNull();
        assertThat(full.created().commit()).isEqualTo(repo.git("rev-list", "--max-parents=0", "main"));
        // index.md last changed in the first commit: past a budget of 2, its last change is not known yet.
        walk.limitWalks(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> walk.lastChange(tip(), "index.md"))
                .isInstanceOf(dev.inkstone.content.HistoryPendingException.class);
        walk.limitWalks(GitHistoryStore.HISTORY_WALK_COMMITS);
        assertThat(walk.lastChange(tip(), "index.md").orElseThrow().commit())
                .isEqualTo(gitLog("-1", "--", "index.md").get(0));
    }

    @Test
    void historyBeforeTheIndexIsReadyAgreesWithTheIndex() throws Exception {
        GitHistoryStore walk = new GitHistoryStore(served, "main", data.resolve("unused.idx"), false);
        GitHistoryStore index = new GitHistoryStore(served, "main", data.resolve("h.idx"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(index::indexReady);
        for (String file : List.of("docs/deep/c.md", "notes/n.md")) {
            assertThat(walk.fileHistory(tip(), file, 100, null))
                    .isEqualTo(index.fileHistory(tip(), file, 100, null));
        }
    }

    @Test
    void bloomFiltersSpareTheTreeReadsOfCommitsThatDidNotTouchThePath() throws Exception {
        int commits = Integer.parseInt(repo.git("rev-list", "--count", "main"));
        try (ObjectReader reader = served.newObjectReader(); PathWalk walk = new PathWalk(reader, "docs/deep/c.md")) {
            walk.start(ObjectId.fromString(tip().commit()));
            List<String> found = new ArrayList<>();
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                found.add(commit.name());
            }
            assertThat(found).isEqualTo(gitLog("--", "docs/deep/c.md"));
            // Without the filters every one of the 40-odd commits would have its trees searched for the path.
            assertThat(walk.treesRead()).isLessThan(commits / 2);
            assertThat(walk.bloomNegatives()).isGreaterThan(commits / 2);
        }
    }
}
