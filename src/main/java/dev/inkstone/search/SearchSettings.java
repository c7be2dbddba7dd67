package dev.inkstone.search;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Where the search index lives, and the executor that builds and advances it in the background. */
public record SearchSettings(Path folder, Executor executor) {

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
