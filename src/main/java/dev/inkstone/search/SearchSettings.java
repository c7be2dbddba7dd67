package dev.inkstone.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the search index lives, the executor that builds and advances it in the background, how often at most its
 * state is made durable (an fsync'ed Lucene commit; searches see each update at once either way), and how long the
 * background waits after a commit before it follows the tip ({@code refreshDelay}: the commits of that time are
 * indexed as one update; a search never waits for it, it catches up with the tip itself first).
 */
public record SearchSettings(Path folder, Executor executor, Duration commitInterval, Duration refreshDelay) {

    /** A restart resumes from the last durable commit and catches up by tree diff, so this bounds only that work. */
    public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);
    /**
     * Elasticsearch's refresh interval: under a stream of edits the index is updated and reopened once a second
     * instead of once per commit, and one page saved again and again is analysed once per interval. A search in
     * between brings the index to the tip before it answers (up to {@code SearchIndexer.INLINE_CHANGES} files).
     * 250 ms left a quarter of a write's CPU to the search thread with 8 writers on 10,000 pages (JFR: updating
     * and reopening the index); a second cuts the reopening to a quarter.
     */
    public static final Duration REFRESH_DELAY = Duration.ofSeconds(1);

    public SearchSettings {
        if (commitInterval.isNegative() || refreshDelay.isNegative()) {
            throw new IllegalArgumentException("intervals must not be negative: " + commitInterval + ", "
                    + refreshDelay);
        }
    }

    /** Follows each commit at once: what tests that count updates want. */
    public SearchSettings(Path folder, Executor executor, Duration commitInterval) {
        this(folder, executor, commitInterval, Duration.ZERO);
    }

    public SearchSettings(Path folder, Executor executor) {
        this(folder, executor, COMMIT_INTERVAL);
    }

    /** The index in {@code folder}, maintained by one daemon thread that exits while there is nothing to do. */
    public static SearchSettings in(Path folder) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "inkstone-search");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return new SearchSettings(folder, executor, COMMIT_INTERVAL, REFRESH_DELAY);
    }
}
