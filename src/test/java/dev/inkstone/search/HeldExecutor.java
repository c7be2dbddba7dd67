package dev.inkstone.search;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that runs nothing until told to: background work happens exactly when a test says so. */
public final class HeldExecutor implements Executor {

    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    public synchronized int pending() {
        return tasks.size();
    }

    /** Runs every queued task, and those they queue, on the calling thread. */
    public void runAll() {
        for (Runnable task = next(); task != null; task = next()) {
            task.run();
        }
    }

    /** Runs the oldest queued task on the calling thread; what it queues stays queued. */
    public void runOne() {
        Runnable task = next();
        if (task != null) {
            task.run();
        }
    }

    private synchronized Runnable next() {
        return tasks.poll();
    }
}
