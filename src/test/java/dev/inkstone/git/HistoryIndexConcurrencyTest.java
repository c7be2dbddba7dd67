package dev.inkstone.git;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests read the history index while the indexer appends to it (a page read advances the index to a new tip):
 * readers hammering a path's log during 5,000 appends (each adding a new path too, so the path map keeps growing)
 * always find the path and see whole entries, newest first, each naming the commit appended under that number.
 */
class HistoryIndexConcurrencyTest {

    private static ObjectId id(int seq) {
        return ObjectId.fromString(String.format("%040x", seq + 1));
    }

    @Test
    void readersSeeWholeEntriesWhileTheIndexGrows() throws Exception {
        HistoryIndex index = new HistoryIndex();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                String path = r == 0 ? "hot.md" : "p" + r + ".md";
                readers.add(threads.submit(() -> {
                    int checked = 0;
                    boolean known = false;
                    while (!done.get()) {
                        // A path once in the index stays findable while other paths are added (the map resizes).
                        boolean found = index.log(path) != null;
                        if (known && !found) {
                            throw new AssertionError(path + " vanished from the index");
                        }
                        known = found;
                        int[] previous = {Integer.MAX_VALUE};
                        int[] seen = {0};
                        index.visitChanges(path, Integer.MAX_VALUE, (seq, kind, named, other) -> {
                            // Plain checks in the loop: AssertJ per entry slowed the readers more than the writer.
                            if (seq >= previous[0] || kind != HistoryIndex.MODIFIED
                                    || !index.commit(seq).id().equals(id(seq))) {
                                throw new AssertionError(path + ": entry " + seq + " after " + previous[0]);
                            }
                            previous[0] = seq;
                            return ++seen[0] < 16;
                        });
                        HistoryIndex.PathLog log = index.log("dir");
                        if (log != null) {
                            int at = log.newestAtMost(Integer.MAX_VALUE);
                            if (!index.commit(log.seqAt(at)).id().equals(id(log.seqAt(at)))) {
                                throw new AssertionError("dir: entry " + log.seqAt(at));
                            }
                        }
                        checked += seen[0];
                    }
                    return checked;
                }));
            }
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    int seq = index.append(new HistoryIndex.CommitMeta(id(i), i, 0, "A", "a@example.com", "m"),
                            false);
                    index.record("hot.md", seq, HistoryIndex.MODIFIED, null);
                    index.record("p" + (1 + i % 2) + ".md", seq, HistoryIndex.MODIFIED, null);
                    index.record("dir", seq, HistoryIndex.FOLDER, null);
                    index.record("new/" + i + ".md", seq, HistoryIndex.ADDED, null);
                }
                done.set(true);
            });
            writer.get();
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).isPositive();
            }
            assertThat(index.size()).isEqualTo(5_000);
            assertThat(index.log("hot.md").size()).isEqualTo(5_000);
        } finally {
            done.set(true);
            threads.shutdownNow();
        }
    }
}
