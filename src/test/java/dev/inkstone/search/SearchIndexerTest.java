package dev.inkstone.search;

import dev.inkstone.testing.TestRepo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** How the index follows the branch: one build, then commit by commit; rebuilt when it cannot be trusted. */
class SearchIndexerTest {

    @TempDir
    Path dir;
    TestRepo repo;
    Path folder;
    SearchService search;

    @BeforeEach
    void setUp() {
        repo = TestRepo.create(dir.resolve("repo"));
        repo.writeAll(Map.of("index.md", "# Home\n\nWelcome.\n", "notes/first.md", "# First\n\n墨砚 one.\n"));
        repo.commit("seed");
        folder = dir.resolve("search");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (search != null) {
            search.close();
        }
        repo.close();
    }

    private SearchService start(Executor executor) {
        return start(executor, SearchSettings.COMMIT_INTERVAL);
    }

    private SearchService start(Executor executor, Duration commitInterval) {
        search = new SearchService(SampleRepo.sites(repo), new SearchSettings(folder, executor, commitInterval));
        search.start();
        return search;
    }

    /** The revision a restart would resume from: the one in the last Lucene commit on disk. */
    private String durableRevision() throws IOException {
        try (Directory directory = FSDirectory.open(folder)) {
            return SegmentInfos.readLatestCommit(directory).getUserData().get(SearchIndex.REVISION_KEY);
        }
    }

    /** Started with background work held, the first build run: later work waits until the test runs it. */
    private HeldExecutor startBuiltOnHeldExecutor() {
        HeldExecutor executor = new HeldExecutor();
        start(executor);
        executor.runAll();
        return executor;
    }

    private void restart(Executor executor) throws Exception {
        search.close();
        start(executor);
    }

    private SearchResults find(String query) {
        return search.search(new SearchRequest(query, "", 100, null));
    }

    private List<String> paths(String query) {
        return find(query).items().stream().map(SearchHit::path).toList();
    }

    private String tip() {
        return repo.git("rev-parse", "main");
    }

    @Test
    void searchIsUnavailableUntilTheFirstBuildIsDone() {
        HeldExecutor executor = new HeldExecutor();
        start(executor);
        assertThatThrownBy(() -> find("墨砚")).isInstanceOf(SearchUnavailableException.class)
                .satisfies(e -> assertThat(((SearchUnavailableException) e).retryAfterSeconds()).isBetween(1, 60));
        executor.runAll();
        assertThat(paths("墨砚")).containsExactly("notes/first");
        assertThat(search.indexer().builds()).isEqualTo(1);
    }

    @Test
    void commitsAreAppliedFromTheirDiffWithoutRebuilding() {
        start(Runnable::run);
        repo.write("notes/second.md", "# Second\n\n墨砚 two.\n").write("notes/first.md", "# First\n\nrewritten.\n");
        repo.commit("add second, rewrite first");
        assertThat(paths("墨砚")).containsExactly("notes/second");
        repo.write("elsewhere/second.md", "# Second\n\n墨砚 two.\n").delete("notes/second.md");
        repo.git("add", "-A");
        repo.git("commit", "-m", "move, with the git CLI");
        assertThat(paths("墨砚")).containsExactly("elsewhere/second");
        assertThat(paths("notes")).containsExactly("notes");
        repo.delete("notes/first.md").commit("remove the last page of notes");
        assertThat(paths("notes")).as("the generated section went with its last page").isEmpty();
        assertThat(paths("elsewhere")).as("and a new one came").containsExactly("elsewhere");
        assertThat(find("墨砚").revision()).isEqualTo(tip());
        assertThat(search.indexer().builds()).isEqualTo(1);
    }

    @Test
    void pagesFollowedCommitByCommitAreThePagesOfTheSite() throws Exception {
        start(Runnable::run);
        String cafe = java.text.Normalizer.normalize("notes/café.md", java.text.Normalizer.Form.NFD);
        List<Runnable> commits = List.of(
                () -> repo.write("a/b/c.md", "# C\n\ntext\n").commit("nested page: sections a and a/b appear"),
                () -> repo.write("a.md", "---\ntitle: A from a.md\n---\n").commit("a.md is the page of section a"),
                () -> repo.write("a/index.md", "# A from index\n").commit("a/index.md shadows a.md"),
                () -> repo.delete("a/index.md").commit("a.md serves again"),
                () -> repo.write("h.md", "---\ntitle: Hidden\nhidden: true\n---\n").write("h/kid.md", "# Kid\n")
                        .commit("hidden page with a child"),
                () -> repo.write("z/c.md", "# C\n\ntext\n").delete("a/b/c.md").commit("move: a/b goes"),
                () -> repo.delete("a.md").commit("section a goes with its page"),
                () -> repo.write("plain/thing.md", "no title here\n").write("plain/index.md", "# From heading\n")
                        .write(cafe, "# Café\n").commit("fallback titles, a decomposed name"),
                () -> repo.delete("index.md").commit("home becomes generated"),
                () -> repo.write("h.md", "---\ntitle: Shown\n---\n").commit("unhide"));
        for (Runnable commit : commits) {
            commit.run();
            try (IndexSnapshot snapshot = search.indexer().snapshot()) {
                assertThat(snapshot.revision()).isEqualTo(tip());
                assertThat(snapshot.pages()).as(repo.git("log", "-1", "--format=%s")).isEqualTo(sitePages());
            }
        }
        assertThat(search.indexer().builds()).isEqualTo(1);
    }

    /** What a full build of the tip's site says: every page, its title, whether it is hidden. */
    private List<String> sitePages() {
        var sites = SampleRepo.sites(repo);
        return sites.site(sites.resolve(null)).pages().values().stream()
                .map(page -> page.path() + ": " + page.info().title() + (page.info().hidden() ? " (hidden)" : ""))
                .sorted().toList();
    }

    @Test
    void aRestartResumesFromTheIndexOnDiskAndCatchesUpWithCommitsMadeMeanwhile() throws Exception {
        start(Runnable::run);
        search.close();
        repo.write("notes/later.md", "# Later\n\n墨砚 later.\n").commit("while stopped");
        start(Runnable::run);
        assertThat(paths("墨砚")).containsExactlyInAnyOrder("notes/first", "notes/later");
        assertThat(search.indexer().builds()).isZero();
    }

    @Test
    void updatesAreSearchableAtOnceAndMadeDurableOnlyWhenTheIntervalIsUp() throws Exception {
        start(Runnable::run, Duration.ofDays(1));
        String built = tip();
        repo.write("notes/first.md", "# First\n\n砚台 rewritten.\n").commit("rewrite first");
        search.tipMoved(tip());
        assertThat(paths("砚台")).containsExactly("notes/first");
        assertThat(durableRevision()).as("no fsync on the update path").isEqualTo(built);
        search.close();
        assertThat(durableRevision()).as("closing commits what searches saw").isEqualTo(tip());
        start(Runnable::run, Duration.ZERO);
        repo.write("notes/second.md", "# Second\n\n墨砚 two.\n").commit("add second");
        search.tipMoved(tip());
        assertThat(durableRevision()).as("with no interval, each idle moment commits").isEqualTo(tip());
    }

    @Test
    void aKilledIndexerLosesOnlyWhatARestartCatchesUpByDiff() throws Exception {
        start(Runnable::run, Duration.ofDays(1));
        String built = tip();
        repo.write("notes/first.md", "# First\n\n砚台 rewritten.\n").write("notes/kept.md", "# Kept\n\n砚台 kept.\n")
                .commit("edit through the API");
        search.tipMoved(tip());
        assertThat(paths("砚台")).containsExactlyInAnyOrder("notes/first", "notes/kept");
        search.indexer().abandon();
        assertThat(durableRevision()).as("the update never reached a durable commit").isEqualTo(built);

        repo.delete("notes/kept.md").commit("and one more while it was down");
        HeldExecutor executor = new HeldExecutor();
        start(executor, Duration.ofDays(1));
        assertThatThrownBy(() -> find("砚台")).isInstanceOf(SearchUnavailableException.class);
        executor.runAll();
        SearchResults found = find("砚台");
        assertThat(found.revision()).isEqualTo(tip());
        assertThat(found.items()).extracting(SearchHit::path).containsExactly("notes/first");
        assertThat(paths("墨砚")).as("the old text is gone from the caught-up page").isEmpty();
        assertThat(search.indexer().builds()).isZero();
        assertThat(search.indexer().updates()).as("one diff from the durable revision to the tip").isEqualTo(1);
    }

    @Test
    void aBurstOfCommitsIsIndexedAsOneUpdateToTheNewestTip() {
        HeldExecutor executor = startBuiltOnHeldExecutor();
        List<String> indexed = new ArrayList<>();
        search.onIndexed(indexed::add);
        for (int i = 0; i < 10; i++) {
            repo.write("burst/p" + i + ".md", "# P" + i + "\n\n墨砚 burst.\n").commit("burst " + i);
            search.tipMoved(tip());
        }
        assertThat(executor.pending()).isEqualTo(1);
        executor.runAll();
        assertThat(indexed).containsExactly(tip());
        assertThat(search.indexer().updates()).isEqualTo(1);
        SearchResults found = find("墨砚");
        assertThat(found.revision()).isEqualTo(tip());
        assertThat(found.total()).isEqualTo(11);
    }

    /**
     * Commits that arrive while an update runs queue one update behind it, and no more: a second one queued when the
     * running one ends kept the background updating back to back under a stream of commits (seen in a benchmark:
     * three updates a second with a one-second refresh delay, the search thread busy half the time).
     */
    @Test
    void commitsDuringAnUpdateQueueOneUpdateBehindIt() {
        HeldExecutor executor = startBuiltOnHeldExecutor();
        List<String> indexed = new ArrayList<>();
        search.onIndexed(revision -> {
            indexed.add(revision);
            if (indexed.size() == 1) {
                // On the indexer's thread, in the middle of the update: a commit arrives.
                repo.write("during.md", "# During\n").commit("during the update");
                search.tipMoved(tip());
            }
        });
        repo.write("first.md", "# First\n").commit("first");
        search.tipMoved(tip());
        assertThat(executor.pending()).isEqualTo(1);
        executor.runOne();
        assertThat(executor.pending()).as("the commit made during the update").isEqualTo(1);
        repo.write("after.md", "# After\n").commit("after the update");
        search.tipMoved(tip());
        assertThat(executor.pending()).as("still one: the queued update will read the newest tip").isEqualTo(1);
        executor.runAll();
        assertThat(indexed).hasSize(2).last().isEqualTo(tip());
        assertThat(executor.pending()).isZero();
    }

    @Test
    void theBackgroundFollowsCommitsAfterTheRefreshDelayWhileSearchesSeeEachAtOnce() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            search = new SearchService(SampleRepo.sites(repo), new SearchSettings(folder, executor,
                    SearchSettings.COMMIT_INTERVAL, Duration.ofSeconds(1)));
            List<String> indexed = new CopyOnWriteArrayList<>();
            search.onIndexed(indexed::add);
            search.start();
            String built = tip();
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed.contains(built));
            int updatesBefore = search.indexer().updates();
            for (int i = 0; i < 10; i++) {
                repo.write("burst/p" + i + ".md", "# P" + i + "\n\n墨砚 burst.\n").commit("burst " + i);
                search.tipMoved(tip());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed.contains(tip()));
            assertThat(search.indexer().updates() - updatesBefore).as("commits within the delay are one update")
                    .isBetween(1, 4);

            repo.write("burst/late.md", "# Late\n\n墨砚 late.\n").commit("one more");
            search.tipMoved(tip());
            SearchResults found = find("late");
            assertThat(found.revision()).as("a search catches up itself").isEqualTo(tip());
            assertThat(found.items()).extracting(SearchHit::path).containsExactly("burst/late");
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void aDamagedIndexIsRebuiltOnStart() throws Exception {
        start(Runnable::run);
        search.close();
        Path largest;
        try (Stream<Path> files = Files.list(folder)) {
            largest = files.max(Comparator.comparingLong(SearchIndexerTest::size)).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[] {0x13, 0x37, 0x13, 0x37});
        }
        start(Runnable::run);
        assertThat(search.indexer().builds()).isEqualTo(1);
        assertThat(paths("墨砚")).containsExactly("notes/first");
    }

    @Test
    void anIndexBuiltByAnotherVersionIsRebuilt() throws Exception {
        start(Runnable::run);
        search.close();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(SearchIndex.FORMAT_KEY, "inkstone-search-0",
                    SearchIndex.REVISION_KEY, tip()).entrySet());
            writer.commit();
        }
        start(Runnable::run);
        assertThat(search.indexer().builds()).isEqualTo(1);
        assertThat(paths("墨砚")).containsExactly("notes/first");
    }

    @Test
    void aDeletedIndexFolderIsRebuiltWhileSearchesGoOn() throws Exception {
        start(Runnable::run);
        deleteRecursively(folder);
        assertThat(paths("墨砚")).containsExactly("notes/first");
        assertThat(search.indexer().builds()).isEqualTo(2);
        assertThat(folder.resolve(IndexWriter.WRITE_LOCK_NAME)).exists();
        repo.write("notes/after.md", "# After\n\n墨砚 after.\n").commit("after the rebuild");
        assertThat(paths("墨砚")).containsExactlyInAnyOrder("notes/first", "notes/after");
    }

    @Test
    void rewrittenHistoryIsRebuilt() {
        start(Runnable::run);
        repo.write("notes/doomed.md", "# Doomed\n\n墨砚 doomed.\n").commit("soon gone");
        assertThat(paths("墨砚")).contains("notes/doomed");
        repo.git("reset", "--hard", "HEAD~1");
        repo.write("notes/instead.md", "# Instead\n\n墨砚 instead.\n").commit("another line of history");
        assertThat(paths("墨砚")).containsExactlyInAnyOrder("notes/first", "notes/instead");
        assertThat(search.indexer().builds()).isEqualTo(2);
    }

    @Test
    void aLargeDiffIsLeftToTheBackgroundWhileSearchesAnswerFromTheIndexAsItIs() {
        HeldExecutor executor = startBuiltOnHeldExecutor();
        String before = tip();
        for (int i = 0; i <= SearchIndexer.INLINE_CHANGES; i++) {
            repo.write("bulk/p" + i + ".md", "# P" + i + "\n\n墨砚 bulk.\n");
        }
        repo.commit("bulk import");
        SearchResults stale = find("墨砚");
        assertThat(stale.revision()).isEqualTo(before);
        assertThat(stale.total()).isEqualTo(1);
        assertThat(executor.pending()).isEqualTo(1);
        executor.runAll();
        SearchResults current = find("墨砚");
        assertThat(current.revision()).isEqualTo(tip());
        assertThat(current.total()).isEqualTo(SearchIndexer.INLINE_CHANGES + 2);
        assertThat(search.indexer().builds()).isEqualTo(1);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
