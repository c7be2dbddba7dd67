package dev.inkstone.git;

import dev.inkstone.content.Change;
import dev.inkstone.content.CommitOutcome;
import dev.inkstone.content.CommitRequest;
import dev.inkstone.content.Guard;
import dev.inkstone.content.Person;
import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sequential commits leave one pack per batch; the writer's mergers merge them beside the writes. Afterwards the pack count
 * stays bounded, every commit and blob is still there ({@code git fsck --strict}, {@code git show}), and reads
 * running on other threads during the merges never fail.
 */
class PackCompactorTest {

    private static final int READERS = 3;
    /** More than the bound below: without merges beside the writes the live pack count would pass it. */
    private static final int COMMITS = 200;

    @TempDir
    Path dir;

    @Test
    void batchesLeaveABoundedNumberOfPacksAndLoseNothing() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            GitContentWriter writer = repo.writer();
            GitContentStore store = new GitContentStore(repo.repository(), "main");
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            AtomicBoolean stop = new AtomicBoolean();
            try {
                // Every reader reads every blob of the tip again and again while packs come and go underneath.
                // They stop on a flag: an interrupt inside JGit fails a read for reasons of its own.
                List<Future<Integer>> reads = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    reads.add(readers.submit(() -> {
                        int done = 0;
                        while (!stop.get()) {
                            var revision = store.resolve(null);
                            for (var entry : store.tree(revision)) {
                                assertThat(store.blob(entry.blobId())).as(entry.path()).isPresent();
                            }
                            done++;
                        }
                        return done;
                    }));
                }
                List<String> commits = new ArrayList<>();
                for (int i = 0; i < COMMITS; i++) {
                    CommitOutcome outcome = writer.commit(new CommitRequest(List.of(new Change.Put(
                            "notes/n" + i + ".md", ("# Note\n\nversion " + i + "\n").getBytes(StandardCharsets.UTF_8),
                            true, Guard.NONE)), "edit " + i, new Person("Ann", "ann@example.com"), null));
                    commits.add(outcome.commit().sha());
                    // Merges run beside the writes, so how far they lag is a race; past the bound the writer
                    // waits for them, so the count never runs away (without merges it would pass the bound).
                    assertThat(writer.livePacks()).isLessThanOrEqualTo(PackCompactor.MAX_TINY_PACKS
                            + 2L * PackCompactor.SMALL_PACKS_BEFORE_MERGE * PackCompactor.BUSY_FACTOR + 1);
                }
                stop.set(true);
                for (Future<Integer> read : reads) {
                    assertThat(read.get()).isPositive();
                }
                // Once idle, the writer merges down to the idle threshold, and the retired packs are deleted.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> packCount() < PackCompactor.TINY_PACKS_BEFORE_MERGE + 2);
                repo.git("fsck", "--strict", "--no-dangling");
                for (int i = 0; i < commits.size(); i++) {
                    assertThat(repo.git("show", commits.get(i) + ":notes/n" + i + ".md"))
                            .contains("version " + i);
                }
            } finally {
                stop.set(true);
                readers.shutdownNow();
                writer.close();
            }
        }
    }

    @Test
    void aMergeWaitsLongerWhileWritesAreQueued() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            ObjectDirectory objects = (ObjectDirectory) repo.repository().getObjectDatabase();
            int packs = PackCompactor.TINY_PACKS_BEFORE_MERGE + 1;
            List<ObjectId> blobs = new ArrayList<>();
            for (int i = 0; i < packs; i++) {
                blobs.addAll(TestPacks.write(objects, ("blob " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(packCount()).isEqualTo(packs);
            PackCompactor compactor = new PackCompactor(repo.repository(), Duration.ZERO);

            assertThat(compactor.compactIfNeeded(true)).isZero();
            assertThat(packCount()).isEqualTo(packs);
            assertThat(compactor.compactIfNeeded(false)).isEqualTo(packs);
            assertThat(packCount()).isEqualTo(1);
            // JGit's own list has the merged pack, and none of the deleted ones a reader would fail on.
            assertThat(objects.getPacks()).hasSize(1)
                    .allSatisfy(pack -> assertThat(pack.getPackFile()).exists());
            for (ObjectId blob : blobs) {
                assertThat(repo.repository().getObjectDatabase().has(blob)).isTrue();
            }
        }
    }

    @Test
    void mergedPacksStayReadableForTheirGraceAndAreNotChosenAgain() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            ObjectDirectory objects = (ObjectDirectory) repo.repository().getObjectDatabase();
            int packs = PackCompactor.TINY_PACKS_BEFORE_MERGE;
            List<ObjectId> blobs = new ArrayList<>();
            for (int i = 0; i < packs; i++) {
                blobs.addAll(TestPacks.write(objects, ("blob " + i).getBytes(StandardCharsets.UTF_8)));
            }
            var before = List.copyOf(objects.getPacks());
            PackCompactor compactor = new PackCompactor(repo.repository(), Duration.ofMillis(1500));

            assertThat(compactor.compactIfNeeded(false)).isEqualTo(packs);
            // A lookup still walking the list from before the merge finds every old pack's files in place.
            assertThat(before).allSatisfy(pack -> assertThat(pack.getPackFile()).exists());
            assertThat(packCount()).isEqualTo(packs + 1);
            assertThat(compactor.livePacks()).isEqualTo(1);
            assertThat(compactor.chooseTiny(false)).isEmpty();
            assertThat(compactor.deleteRetired()).isEqualTo(packs);

            await().atMost(Duration.ofSeconds(10)).until(() -> compactor.deleteRetired() == 0);
            assertThat(packCount()).isEqualTo(1);
            assertThat(objects.getPacks()).hasSize(1).allSatisfy(pack -> assertThat(pack.getPackFile()).exists());
            for (ObjectId blob : blobs) {
                assertThat(repo.repository().getObjectDatabase().has(blob)).isTrue();
            }
            repo.git("fsck", "--strict", "--no-dangling");
        }
    }

    private long packCount() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(".git/objects/pack"))) {
            return files.filter(file -> file.toString().endsWith(".pack")).count();
        }
    }
}
