package dev.inkstone.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the search index lives, the executor that builds and advances it in the background, and how often at most
 * its state is made durable (an fsync'ed Lucene commit; searches see each update at once either way).
 */
public record SearchSettings(Path folder, Executor executor, Duration commitInterval) {

    /** A restart resumes from the last durable commit and catches up by tree diff, so this bounds only that work. */
    public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);

    public SearchSettings {
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("commitInterval must not be negative: " + commitInterval);
        }
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
        return new SearchSettings(folder, executor);
    }
}
