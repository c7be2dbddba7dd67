package dev.inkstone.git;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps a served clone's working tree in step with commits made in memory: a clean tree on the served branch is
 * checked out to the new tip; a dirty one is left alone and reported, never overwritten.
 */
public final class WorkingTreeSync {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingTreeSync.class);

    private final Repository repository;
    private final String refName;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inkstone-working-tree");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean dirty;

    WorkingTreeSync(Repository repository, String refName) {
        this.repository = repository;
        this.refName = refName;
    }

    /**
     * Brings the working tree from {@code oldTip} to {@code newTip} on a thread of its own, in commit order: a scan of
     * a large working tree takes seconds, and the commit is already durable without it.
     */
    void followLater(ObjectId oldTip, ObjectId newTip) {
        if (!repository.isBare() && oldTip != null) {
            executor.execute(() -> follow(oldTip.copy(), newTip.copy()));
        }
    }

    void close() {
        executor.shutdown();
    }

    /**
     * Waits until the working tree has followed every commit made so far: for whoever uses the working tree beside
     * the service (tests running the {@code git} CLI in it) and must not race the checkout.
     */
    public void awaitFollowed() {
        try {
            executor.submit(() -> {
            }).get();
        } catch (RejectedExecutionException e) {
            // closed: nothing more will follow
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether the last commit found local changes in the working tree and so did not update it. */
    public boolean dirty() {
        return dirty;
    }

    public boolean present() {
        return !repository.isBare();
    }

    void follow(ObjectId oldTip, ObjectId newTip) {
        if (repository.isBare() || oldTip == null) {
            return;
        }
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic() || !head.getTarget().getName().equals(refName)) {
                return;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                ObjectId oldTree = walk.parseCommit(oldTip).getTree();
                ObjectId newTree = walk.parseCommit(newTip).getTree();
                IndexDiff diff = new IndexDiff(repository, oldTree, new FileTreeIterator(repository));
                if (diff.diff() && !(diff.getAdded().isEmpty() && diff.getChanged().isEmpty()
                        && diff.getRemoved().isEmpty() && diff.getMissing().isEmpty()
                        && diff.getModified().isEmpty() && diff.getConflicting().isEmpty())) {
                    dirty = true;
                    LOG.warn("working tree of {} has local changes; left as it is", repository.getWorkTree());
                    return;
                }
                DirCache index = repository.lockDirCache();
                try {
                    DirCacheCheckout checkout = new DirCacheCheckout(repository, oldTree, index, newTree);
                    checkout.setFailOnConflict(true);
                    checkout.checkout();
                } finally {
                    index.unlock();
                }
                dirty = false;
            }
        } catch (IOException | RuntimeException e) {
            dirty = true;
            LOG.warn("could not update the working tree of {}: {}", repository.getWorkTree(), e.getMessage());
        }
    }
}
