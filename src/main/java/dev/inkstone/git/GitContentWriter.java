package dev.inkstone.git;

import dev.inkstone.content.CommitInfo;
import dev.inkstone.content.CommitOutcome;
import dev.inkstone.content.CommitRequest;
import dev.inkstone.content.ContentWriter;
import org.eclipse.jgit.events.RefsChangedEvent;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Commits to the served branch from one writer thread. Requests that queue up while a batch is being written are
 * chained into successive commits and made durable together (one pack, one ref update, one round of fsyncs):
 * group commit, so concurrent writers are fast without anything being acknowledged before it is on disk.
 * The ref moves only by compare-and-swap; if something else moved it, the whole batch is rebuilt on the new tip.
 */
public final class GitContentWriter implements ContentWriter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GitContentWriter.class);
    private static final int MAX_BATCH = 64;
    private static final int MAX_ATTEMPTS = 32;

    private final Repository repository;
    private final String refName;
    private final PersonIdent committer;
    private final Clock clock;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final WorkingTreeSync workingTree;
    private final PackCompactor packs;
    private final Thread worker;
    private volatile boolean running = true;
    /** Held while a batch is written and made durable; the merger chooses its packs under it (see PackCompactor). */
    private final Object batchLock = new Object();
    /** Tiny merges (quick), and those of the small tier (a second or two each) on a thread of their own. */
    private final PackMergeThread tinyMerges;
    private final PackMergeThread smallMerges;

    /**
     * A queued commit: {@code built} completes when its commit exists (written, readable, not yet durable or on the
     * branch), {@code answer} when the batch is durable or failed.
     */
    private record Job(CommitRequest request, CompletableFuture<CommitOutcome> built,
                       CompletableFuture<CommitOutcome> answer) {

        Job(CommitRequest request) {
            this(request, new CompletableFuture<>(), new CompletableFuture<>());
        }
    }

    /** A job's result within a batch, delivered only after the batch is durable. */
    private record Settled(Job job, CommitOutcome outcome, RuntimeException failure) {
    }

    public GitContentWriter(Repository repository, String branch, PersonIdent committer, Clock clock)
            throws IOException {
        this.repository = repository;
        this.refName = Constants.R_HEADS + branch;
        this.committer = committer;
        this.clock = clock;
        Durability.configure(repository);
        this.workingTree = new WorkingTreeSync(repository, refName);
        this.packs = new PackCompactor(repository);
        this.tinyMerges = new PackMergeThread("inkstone-pack-merge", packs, packs::chooseTiny, batchLock,
                () -> !queue.isEmpty());
        this.smallMerges = new PackMergeThread("inkstone-pack-merge-small", packs, packs::chooseSmall, batchLock,
                () -> !queue.isEmpty());
        this.worker = new Thread(this::run, "inkstone-writer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called with the new tip after every batch that moved the branch (caches, indexes). */
    public void onCommit(Consumer<String> listener) {
        listeners.add(listener);
    }

    public WorkingTreeSync workingTree() {
        return workingTree;
    }

    @Override
    public CommitOutcome commit(CommitRequest request) {
        return commit(request, built -> {
        });
    }

    @Override
    public CommitOutcome commit(CommitRequest request, Consumer<CommitOutcome> meanwhile) {
        Job job = new Job(request);
        if (!running) {
            throw new IllegalStateException("the writer is stopped");
        }
        queue.add(job);
        try {
            CompletableFuture.anyOf(job.built(), job.answer()).join();
            CommitOutcome built = job.built().getNow(null);
            if (built != null) {
                try {
                    meanwhile.accept(built);
                } catch (RuntimeException e) {
                    // The commit goes ahead regardless; its outcome, not this, is the answer.
                    LOG.debug("work beside a commit failed", e);
                }
            }
            return job.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void run() {
        while (running) {
            List<Job> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                List<Settled> written;
                synchronized (batchLock) {
                    written = write(batch);
                }
                for (Settled settled : written) {
                    if (settled.failure() != null) {
                        settled.job().answer().completeExceptionally(settled.failure());
                    } else {
                        settled.job().answer().complete(settled.outcome());
                    }
                }
            } catch (RuntimeException | IOException | Error e) {
                LOG.error("write batch failed", e);
                RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                        : new UncheckedIOException(new IOException("the commit could not be written", e));
                batch.forEach(job -> job.answer().completeExceptionally(failure));
            }
            tinyMerges.schedule();
            smallMerges.schedule();
            waitForMergesIfBehind();
        }
    }

    /** Keeps the tiny packs bounded when writes outrun their merges: the next batch waits for them. */
    private void waitForMergesIfBehind() {
        if (packs.tinyPacks() <= PackCompactor.MAX_TINY_PACKS) {
            return;
        }
        try {
            tinyMerges.catchUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("merging packs failed", e.getCause());
        }
    }

    private List<Settled> write(List<Job> batch) throws IOException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Ref ref = repository.exactRef(refName);
            ObjectId tip = ref == null ? null : ref.getObjectId();
            Set<File> packsBefore = Durability.packFiles(repository);
            try (ObjectInserter inserter = newInserter();
                 ObjectReader reader = inserter.newReader();
                 RevWalk walk = new RevWalk(reader)) {
                List<Settled> settled = new ArrayList<>();
                ObjectId current = tip;
                for (Job job : batch) {
                    try {
                        ObjectId tree = current == null ? null : walk.parseCommit(current).getTree().getId();
                        ChangeApplier.Applied applied = ChangeApplier.apply(reader, inserter, tree, job.request(),
                                baseBlobs(walk, job.request().base()));
                        if (!applied.changed()) {
                            settled.add(new Settled(job, null, null));
                            continue;
                        }
                        current = insertCommit(inserter, current, applied.tree(), job.request());
                        settled.add(new Settled(job,
                                new CommitOutcome(info(walk, current), applied.merged(), true), null));
                    } catch (RuntimeException e) {
                        settled.add(new Settled(job, null, e));
                    }
                }
                if (current != null && !current.equals(tip)) {
                    inserter.flush();
                    // Readable from here on: the waiting writers can prepare their answers during the fsyncs.
                    for (Settled s : settled) {
                        if (s.outcome() != null) {
                            s.job().built().complete(s.outcome());
                        }
                    }
                    Durability.syncNewPacks(repository, packsBefore);
                    RefUpdate update = repository.updateRef(refName);
                    update.setExpectedOldObjectId(tip == null ? ObjectId.zeroId() : tip);
                    update.setNewObjectId(current);
                    update.setRefLogMessage("inkstone: commit", false);
                    RefUpdate.Result result = update.update(walk);
                    if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.REJECTED
                            || result == RefUpdate.Result.REJECTED_OTHER_REASON) {
                        LOG.info("branch moved underneath ({}), rebuilding {} commit(s), attempt {}", result,
                                batch.size(), attempt);
                        continue;
                    }
                    if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                        throw new IOException("could not move " + refName + ": " + result);
                    }
                    Durability.syncRefDirectory(repository, refName);
                    // Ends every BranchTip's trust window in this process before anyone is answered.
                    repository.fireEvent(new RefsChangedEvent());
                    String newTip = current.name();
                    workingTree.followLater(tip, current);
                    listeners.forEach(listener -> listener.accept(newTip));
                }
                return finish(settled, walk, current);
            }
        }
        throw new IOException("the branch kept moving; gave up after " + MAX_ATTEMPTS + " attempts");
    }

    /** Unchanged writes answer with the tip they were compared against. */
    private List<Settled> finish(List<Settled> settled, RevWalk walk, ObjectId tip) throws IOException {
        List<Settled> done = new ArrayList<>(settled.size());
        for (Settled s : settled) {
            if (s.failure() == null && s.outcome() == null) {
                done.add(new Settled(s.job(), new CommitOutcome(tip == null ? null : info(walk, tip), false, false),
                        null));
            } else {
                done.add(s);
            }
        }
        return done;
    }

    private ObjectInserter newInserter() {
        if (repository.getObjectDatabase() instanceof ObjectDirectory objects) {
            PackInserter inserter = objects.newPackInserter();
            // Speed over size: packs written here are small and get repacked.
            inserter.setCompressionLevel(1);
            // A new object is missing by definition, and proving it means searching every pack (and rescanning the
            // pack directory on each miss): measured as the writer's largest cost. A rare duplicate of an existing
            // object in a new pack is harmless and disappears when packs are merged.
            inserter.checkExisting(false);
            return inserter;
        }
        return repository.newObjectInserter();
    }

    private Map<String, ObjectId> baseBlobs(RevWalk walk, String base) throws IOException {
        if (base == null) {
            return null;
        }
        Map<String, ObjectId> blobs = new HashMap<>();
        try (TreeWalk treeWalk = new TreeWalk(walk.getObjectReader())) {
            treeWalk.addTree(walk.parseCommit(ObjectId.fromString(base)).getTree());
            treeWalk.setRecursive(true);
            while (treeWalk.next()) {
                blobs.put(treeWalk.getPathString(), treeWalk.getObjectId(0));
            }
        }
        return blobs;
    }

    private ObjectId insertCommit(ObjectInserter inserter, ObjectId parent, ObjectId tree, CommitRequest request)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        PersonIdent now = new PersonIdent(committer, clock.instant(), clock.getZone());
        commit.setAuthor(new PersonIdent(request.author().name(), request.author().email(), clock.instant(),
                clock.getZone()));
        commit.setCommitter(now);
        commit.setMessage(request.message().endsWith("\n") ? request.message() : request.message() + "\n");
        return inserter.insert(commit);
    }

    private static CommitInfo info(RevWalk walk, ObjectId id) throws IOException {
        RevCommit commit = walk.parseCommit(id);
        List<String> parents = new ArrayList<>();
        for (RevCommit parent : commit.getParents()) {
            parents.add(parent.name());
        }
        return new CommitInfo(commit.name(), commit.getFullMessage().stripTrailing(), parents,
                signature(commit.getAuthorIdent()), signature(commit.getCommitterIdent()));
    }

    private static CommitInfo.Signature signature(PersonIdent ident) {
        return new CommitInfo.Signature(ident.getName(), ident.getEmailAddress(), Commits.date(ident));
    }

    /** The pack files lookups search once retired ones are gone (see {@link PackCompactor#livePacks}). */
    long livePacks() throws IOException {
        return packs.livePacks();
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        tinyMerges.close();
        smallMerges.close();
        workingTree.close();
    }
}
