package dev.inkstone.search;

import java.util.concurrent.atomic.AtomicInteger;

/** How far a full build has come, so a 503 can say honestly when to come back. */
final class BuildProgress {

    private static final int UNKNOWN_SECONDS = 5;
    private static final int MAX_SECONDS = 60;

    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long started;

    void begin(int pages) {
        done.set(0);
        started = System.nanoTime();
        total = pages;
    }

    void advance() {
        done.incrementAndGet();
    }

    void end() {
        total = 0;
    }

    /** The time left at the pace so far, 1 to 60 seconds; a guess when no build is running. */
    int secondsLeft() {
        int pages = total;
        int finished = done.get();
        if (pages == 0 || finished == 0) {
            return UNKNOWN_SECONDS;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double left = elapsed / finished * Math.max(pages - finished, 0);
        return (int) Math.max(1, Math.min(MAX_SECONDS, Math.ceil(left)));
    }
}
