package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.Pack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One thread that merges packs beside the writes (on the writer thread, a merge of a few MB stalled every write for
 * seconds), and deletes the packs it retired once their grace has passed. At most one look at the packs is queued:
 * it covers every batch written before it runs.
 */
final class PackMergeThread {

    private static final Logger LOG = LoggerFactory.getLogger(PackMergeThread.class);

    private final ScheduledExecutorService thread;
    private final PackCompactor packs;
    private final Function<Boolean, List<Pack>> chooser;
    private final Object batchLock;
    private final BooleanSupplier writesWaiting;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean deletionQueued = new AtomicBoolean();
    private volatile Future<?> last = CompletableFuture.completedFuture(null);

    /**
     * @param chooser       picks the packs to merge (none: nothing to do), given whether writes are waiting
     * @param batchLock     held by the writer while a batch is written and made durable: packs are chosen under
     *                      it, so a pack whose batch is not yet durable is never taken
     */
    PackMergeThread(String name, PackCompactor packs, Function<Boolean, List<Pack>> chooser, Object batchLock,
                    BooleanSupplier writesWaiting) {
        this.packs = packs;
        this.chooser = chooser;
        this.batchLock = batchLock;
        this.writesWaiting = writesWaiting;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a look at the packs after a batch. */
    void schedule() {
        if (queued.compareAndSet(false, true)) {
            try {
                last = thread.submit(this::mergeIfNeeded);
            } catch (RejectedExecutionException e) {
                queued.set(false); // closing
            }
        }
    }

    private void mergeIfNeeded() {
        queued.set(false);
        try {
            List<Pack> chosen;
            synchronized (batchLock) {
                chosen = chooser.apply(writesWaiting.getAsBoolean());
            }
            if (!chosen.isEmpty()) {
                packs.merge(chosen);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing is lost: the old packs stay until the merged one is durable. Tried again after a batch.
            LOG.warn("merging packs failed", e);
        }
        deleteRetired();
    }

    /** Deletes the retired packs that are due, and looks again when the next ones are (once, however often asked). */
    private void deleteRetired() {
        try {
            if (packs.deleteRetired() > 0 && deletionQueued.compareAndSet(false, true)) {
                thread.schedule(this::deleteRetiredWhenDue, packs.grace().toMillis() + 1, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // closing: the retired packs are merged again after the next start
        } catch (IOException | RuntimeException e) {
            LOG.warn("deleting merged packs failed", e);
        }
    }

    private void deleteRetiredWhenDue() {
        deletionQueued.set(false);
        deleteRetired();
    }

    /** Waits for the queued look and one more, which sees every pack made so far. */
    void catchUp() throws InterruptedException, ExecutionException {
        last.get();
        schedule();
        last.get();
    }

    void close() {
        thread.shutdownNow();
        try {
            // A merge cut short loses nothing (old packs go only after the merged one is durable).
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
