package dev.inkstone.search;

import dev.inkstone.content.FileChange;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the index at the branch tip. With no usable index on disk (missing, damaged, another format) it builds one
 * in the background; each new commit advances it by the tree diff from the indexed revision, and a revision that
 * is no longer an ancestor of the tip (history rewritten) means a rebuild. A search that finds the index behind
 * the tip catches up first when the diff is small; larger ones go to the background while it answers from the
 * index as it is. The background follows a commit after a short delay, and commits that arrive meanwhile or while
 * the indexer is busy are coalesced: the next advance goes from the indexed revision straight to the newest tip, one
 * diff and one reopen however many commits came in between. An
 * update is searchable as soon as it is applied (near-real-time); the durable Lucene commit follows as a task of its
 * own when the last one is older than the commit interval and no advance is waiting. All index writes happen under
 * one lock.
 */
final class SearchIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Changed files a search re-indexes itself before answering; larger diffs are left to the background. */
    static final int INLINE_CHANGES = 64;
    private static final long INLINE_WAIT_MILLIS = 200;
    /** A durable commit waits for a pause in the commits at most this many commit intervals. */
    private static final int MAX_DEFERRALS = 6;

    private final SiteService sites;
    private final SearchIndex index;
    private final Executor executor;
    private final Executor afterCommitDelay;
    private final Duration commitInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean buildQueued = new AtomicBoolean();
    private final AtomicBoolean advanceQueued = new AtomicBoolean();
    private final AtomicBoolean commitQueued = new AtomicBoolean();
    private final BuildProgress progress = new BuildProgress();
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private volatile boolean closed;

    /** What a piece of index work may throw; any failure is logged and, if the index may be hurt, rebuilt. */
    private interface Work {
        void run() throws IOException;
    }

    SearchIndexer(SiteService sites, SearchIndex index, Executor executor, Duration commitInterval,
                  Duration refreshDelay) {
        this.sites = sites;
        this.index = index;
        this.executor = executor;
        this.afterCommitDelay = refreshDelay.isZero() ? executor
                : CompletableFuture.delayedExecutor(refreshDelay.toNanos(), TimeUnit.NANOSECONDS, executor);
        this.commitInterval = commitInterval;
    }

    /** Opens the index on disk, or builds it when there is none to use, then follows the tip. */
    void start() {
        queue(buildQueued, this::openOrBuild);
    }

    /** The branch moved (a commit through the API); catch up in the background after the refresh delay. */
    void tipMoved() {
        queue(advanceQueued, this::advanceToTip, afterCommitDelay);
    }

    private void advanceToTip() throws IOException {
        advance(Integer.MAX_VALUE, true);
        commitWhenDue();
    }

    /**
     * Queues the durable commit when it is due. It runs after the update it follows is already searchable, and
     * not while another advance waits (that one queues it again, so a burst of commits costs one fsync) unless
     * commits have kept coming for {@link #MAX_DEFERRALS} intervals.
     */
    private void commitWhenDue() {
        if (index.commitDue(commitInterval)) {
            queue(commitQueued, () -> {
                if (!advanceQueued.get() || index.commitDue(commitInterval.multipliedBy(MAX_DEFERRALS))) {
                    index.commitDurably();
                }
            });
        }
    }

    /**
     * The index view to search, brought to the tip first when that is quick.
     *
     * @throws SearchUnavailableException until the first build is done
     */
    IndexSnapshot snapshot() {
        // A branch without commits is a 404 here as everywhere, not a build that never ends.
        String tip = sites.resolve(null).commit();
        if (!index.onDisk()) {
            LOG.warn("the search index in {} is gone; rebuilding it", index.folder());
            queue(buildQueued, this::rebuild);
        }
        if (index.revision() == null) {
            start();
            throw unavailable();
        }
        if (!tip.equals(index.revision())) {
            catchUpInline();
        }
        return index.acquire().orElseThrow(this::unavailable);
    }

    /** A search found the index broken: rebuild from nothing; until then there is nothing to answer from. */
    SearchUnavailableException damaged(Exception e) {
        LOG.error("the search index in {} cannot be read; rebuilding it", index.folder(), e);
        queue(buildQueued, this::rebuild);
        return unavailable();
    }

    private SearchUnavailableException unavailable() {
        return new SearchUnavailableException(progress.secondsLeft());
    }

    private void catchUpInline() {
        try {
            if (!lock.tryLock(INLINE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (!closed) {
                advance(INLINE_CHANGES, false);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("could not bring the search index to the tip; rebuilding it", e);
            queue(buildQueued, this::rebuild);
        } finally {
            lock.unlock();
        }
    }

    private void queue(AtomicBoolean queued, Work work) {
        queue(queued, work, executor);
    }

    private void queue(AtomicBoolean queued, Work work, Executor via) {
        if (closed || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            via.execute(() -> {
                // An advance re-reads the tip, so one queued behind a running one is enough: its flag clears as it
                // starts, and is then the flag of the next one (clearing it again at the end let a second one queue,
                // and under a stream of commits updates ran back to back). Builds and commits never repeat.
                boolean advance = queued == advanceQueued;
                if (advance) {
                    queued.set(false);
                }
                try {
                    runLocked(work, queued == buildQueued);
                } finally {
                    if (!advance) {
                        queued.set(false);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
        }
    }

    private void runLocked(Work work, boolean build) {
        lock.lock();
        try {
            if (!closed) {
                work.run();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("search index work failed", e);
            // A failed build is not retried in a loop: the next commit or search asks again.
            if (!build) {
                buildQueued.set(false);
                queue(buildQueued, this::rebuild);
            }
        } finally {
            lock.unlock();
        }
    }

    private void openOrBuild() throws IOException {
        if (index.revision() == null) {
            var opened = index.open();
            if (opened.isEmpty()) {
                rebuild();
                return;
            }
            LOG.info("search index opened at {}", opened.get());
        }
        advanceToTip();
    }

    /** Builds the index of the tip from nothing, then catches up with whatever was committed meanwhile. */
    private void rebuild() throws IOException {
        Revision tip = sites.resolve(null);
        long started = System.nanoTime();
        builds.incrementAndGet();
        if (!new IndexBuild(sites, index, progress).run(tip, () -> closed)) {
            return;
        }
        LOG.info("search index built at {} in {} ms", tip.commit(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        advanceToTip();
    }

    /**
     * Brings the index to the tip by the tree diff from its revision: a rebuild when that revision is no longer an
     * ancestor (history was rewritten); left to the background when the diff has more than {@code maxChanges} files.
     */
    private void advance(int maxChanges, boolean background) throws IOException {
        String from = index.revision();
        if (from == null) {
            return;
        }
        Revision tip = sites.resolve(null);
        if (tip.commit().equals(from)) {
            return;
        }
        long started = System.nanoTime();
        if (!sites.store().isAncestor(from, tip.commit())) {
            LOG.info("the branch no longer contains {}; rebuilding the search index", from);
            if (background) {
                rebuild();
            } else {
                queue(buildQueued, this::rebuild);
            }
            return;
        }
        List<FileChange> changes = sites.store().changes(from, tip.commit());
        if (changes.size() > maxChanges) {
            queue(advanceQueued, this::advanceToTip);
            return;
        }
        ChangedPages changed = new IndexUpdate(sites, index).apply(tip, changes);
        updates.incrementAndGet();
        LOG.debug("search index advanced to {}: {} files, {} pages, {} sections in {} µs", tip.commit(),
                changes.size(), changed.pages().size(), changed.sections().size(),
                (System.nanoTime() - started) / 1000);
    }

    /** How many full builds have started: the tests' witness that an update was incremental. */
    int builds() {
        return builds.get();
    }

    /** How many incremental updates were applied: the tests' witness that commits were coalesced. */
    int updates() {
        return updates.get();
    }

    /** What a killed process leaves: stops without the final durable commit. */
    void abandon() throws IOException {
        closed = true;
        lock.lock();
        try {
            index.abandon();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        lock.lock();
        try {
            index.close();
        } finally {
            lock.unlock();
        }
    }
}
