package dev.inkstone.git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps the {@link HistoryIndex} of the served branch: loads it from the data folder or builds it in the
 * background, advances it when the branch moves forward, rebuilds it when history was rewritten or the file is
 * missing or damaged, and saves it. Until it is ready, callers answer from Bloom-filtered walks.
 */
final class HistoryIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryIndexer.class);
    /**
     * The index is saved when this many commits were added and {@link #SAVE_INTERVAL_NANOS} passed since the last
     * save. A save rewrites the whole file under the lock readers advance the index with; saved every 200 commits,
     * a stream of 200 edits a second rewrote it every second (8 % of a write probe's CPU on 1,000 pages, more as
     * history grows). What a restart finds missing it appends from the commits since, as after any stop.
     */
    private static final int SAVE_EVERY = 200;
    /** How far back {@link #linearChain} looks for the indexed tip before it leaves the question to a full walk. */
    static final int LINEAR_STEPS = 64;
    private static final long SAVE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long MAX_PAUSE_MS = 2_000;
    /** After a pause the build runs at least this long before it pauses again (a third of the time, at worst). */
    private static final long MIN_RUN_MS = 1_000;

    private final Repository repository;
    private final String refName;
    private final Path file;
    private volatile HistoryIndex index;
    private volatile boolean building;
    private int unsaved;
    private long savedAt = System.nanoTime();
    /** Walks requests are waiting for; guarded by itself. */
    private final int[] foreground = new int[1];
    /** Until when the build does not pause (guarded by {@code foreground}). */
    private long runUntil;

    HistoryIndexer(Repository repository, String refName, Path file) {
        this.repository = repository;
        this.refName = refName;
        this.file = file;
    }

    /** Starts loading or building in the background; returns at once. */
    void start() {
        building = true;
        Thread thread = new Thread(() -> {
            try {
                // Built outside the lock: until it is published, readers fall back to walks instead of waiting.
                HistoryIndex loaded = load();
                HistoryIndex ready = loaded != null ? loaded : build();
                synchronized (this) {
                    index = ready;
                    advanceToTip();
                    save();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("history index could not be built: {}", e.toString());
            } finally {
                building = false;
            }
        }, "inkstone-history-index");
        thread.setDaemon(true);
        thread.start();
    }

    boolean building() {
        return building;
    }

    /**
     * Runs a walk that a request waits for while the build pauses: on two shared cores the first history request
     * after a start, competing with the build, took several times as long as the walk alone. A pause lasts at
     * most {@link #MAX_PAUSE_MS} at a time, so a stream of requests cannot starve the build.
     */
    <T> T foreground(Supplier<T> walk) {
        synchronized (foreground) {
            foreground[0]++;
        }
        try {
            return walk.get();
        } finally {
            synchronized (foreground) {
                foreground[0]--;
                foreground.notifyAll();
            }
        }
    }

    /**
     * Called by the build between commits: waits while a foreground walk runs, up to the bound, and then works at
     * least {@link #MIN_RUN_MS} before it waits again. Without that second rule a steady stream of page requests
     * (each walking while the index is not ready) paused the build at every commit and it never finished: measured
     * on 100,000 commits without a commit-graph, a client touching every page kept it at a standstill for minutes.
     */
    private void giveWay() {
        synchronized (foreground) {
            long now = System.currentTimeMillis();
            if (foreground[0] == 0 || now < runUntil) {
                return;
            }
            long deadline = now + MAX_PAUSE_MS;
            long left = MAX_PAUSE_MS;
            while (foreground[0] > 0 && left > 0) {
                try {
                    foreground.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = deadline - System.currentTimeMillis();
            }
            runUntil = System.currentTimeMillis() + MIN_RUN_MS;
        }
    }

    /**
     * The index, advanced to {@code tip} when that is a descendant of what it holds; null while it is not ready
     * or when {@code tip} is not on the indexed line of history.
     */
    synchronized HistoryIndex at(ObjectId tip) {
        return advanced(tip, false);
    }

    /**
     * The index, advanced to {@code commit} if that is a child (within {@link #LINEAR_STEPS} single-parent commits)
     * of what it holds though not on the branch yet: a commit being made durable, whose page is rendered for its
     * answer meanwhile. Null if the index is not ready or {@code commit} is not such a child. Should the commit be
     * dropped after all (the branch moved underneath and its batch was rebuilt), the next advance finds the branch
     * no longer descends from the index and rebuilds it; until then no reader asks for the dropped commit.
     */
    synchronized HistoryIndex ahead(ObjectId commit) {
        return advanced(commit, true);
    }

    private HistoryIndex advanced(ObjectId target, boolean lineOnly) {
        HistoryIndex current = index;
        if (current == null) {
            return null;
        }
        if (current.seqOf(target) != null) {
            return current;
        }
        try {
            if (advanceTo(target, lineOnly)) {
                return index;
            }
        } catch (IOException e) {
            LOG.warn("history index could not advance: {}", e.toString());
        }
        return null;
    }

    private void advanceToTip() throws IOException {
        Ref ref = repository.exactRef(refName);
        if (ref != null && ref.getObjectId() != null) {
            advanceTo(ref.getObjectId(), false);
        }
    }

    /**
     * Appends the commits between the indexed tip and {@code tip}; false if {@code tip} does not descend from it,
     * or, with {@code lineOnly}, is not a {@link #linearChain} away from it.
     */
    private boolean advanceTo(ObjectId tip, boolean lineOnly) throws IOException {
        HistoryIndex current = index;
        ObjectId indexed = current.tip();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit target = walk.parseCommit(tip);
            List<RevCommit> chain = indexed == null ? null : linearChain(walk, target, indexed);
            if (chain != null) {
                append(current, reader, walk, chain);
                return true;
            }
            if (lineOnly) {
                return false;
            }
            if (indexed != null) {
                RevCommit old = walk.parseCommit(indexed);
                if (!walk.isMergedInto(old, target)) {
                    if (isOnBranch(tip)) {
                        LOG.info("branch history was rewritten; rebuilding the history index");
                        index = build();
                        save();
                        return index.seqOf(tip) != null;
                    }
                    return false;
                }
                walk.reset();
                walk.markUninteresting(walk.parseCommit(indexed));
            }
            walk.markStart(walk.parseCommit(tip));
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            List<RevCommit> fresh = new ArrayList<>();
            for (RevCommit commit : walk) {
                fresh.add(commit);
            }
            append(current, reader, walk, fresh);
            return true;
        }
    }

    /**
     * The commits after {@code indexed} up to {@code tip}, oldest first, when {@code tip} reaches it through at
     * most {@link #LINEAR_STEPS} single-parent commits (what this service's own writes make); null otherwise, and
     * the general walk decides. It is what that walk gives for such a line, without its ancestry test and the
     * topological sort's look past the boundary: those were half of the index's advance after every commit.
     */
    private static List<RevCommit> linearChain(RevWalk walk, RevCommit tip, ObjectId indexed) throws IOException {
        List<RevCommit> chain = new ArrayList<>();
        RevCommit commit = tip;
        while (!commit.equals(indexed)) {
            if (commit.getParentCount() != 1 || chain.size() == LINEAR_STEPS) {
                return null;
            }
            chain.add(commit);
            commit = walk.parseCommit(commit.getParent(0));
        }
        Collections.reverse(chain);
        return chain;
    }

    private void append(HistoryIndex current, ObjectReader reader, RevWalk walk, List<RevCommit> commits)
            throws IOException {
        if (commits.isEmpty()) {
            return;
        }
        try (CommitChanges.Differ differ = new CommitChanges.Differ(repository, reader)) {
            for (RevCommit commit : commits) {
                add(current, differ, walk, commit);
            }
        }
        unsaved += commits.size();
        if (unsaved >= SAVE_EVERY && System.nanoTime() - savedAt >= SAVE_INTERVAL_NANOS) {
            save();
        }
    }

    private boolean isOnBranch(ObjectId tip) throws IOException {
        Ref ref = repository.exactRef(refName);
        return ref != null && tip.equals(ref.getObjectId());
    }

    private HistoryIndex build() throws IOException {
        long started = System.nanoTime();
        HistoryIndex fresh = new HistoryIndex();
        Ref ref = repository.exactRef(refName);
        if (ref == null || ref.getObjectId() == null) {
            return fresh;
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
             CommitChanges.Differ differ = new CommitChanges.Differ(repository, reader)) {
            // Headers from the commit-graph for the topological sort; each body is read once, when it is indexed.
            walk.setRetainBody(false);
            walk.markStart(walk.parseCommit(ref.getObjectId()));
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            int count = 0;
            for (RevCommit commit : walk) {
                if ((++count & 255) == 0) {
                    giveWay();
                }
                add(fresh, differ, walk, commit);
            }
        }
        LOG.info("history index built: {} commits in {} ms", fresh.size(), (System.nanoTime() - started) / 1_000_000);
        unsaved = 0;
        return fresh;
    }

    private void add(HistoryIndex target, CommitChanges.Differ differ, RevWalk walk, RevCommit commit)
            throws IOException {
        walk.parseBody(commit);
        PersonIdent author = commit.getAuthorIdent();
        int seq = target.append(new HistoryIndex.CommitMeta(commit.copy(), author.getWhenAsInstant().getEpochSecond(),
                author.getZoneOffset().getTotalSeconds() / 60, author.getName(), author.getEmailAddress(),
                commit.getFullMessage()), commit.getParentCount() > 1);
        Set<String> folders = new HashSet<>();
        for (CommitChanges.FileChange change : differ.of(walk, commit)) {
            target.record(change.path(), seq, change.kind(), change.previousPath());
            if (change.kind() == HistoryIndex.RENAMED_FROM) {
                target.record(change.previousPath(), seq, HistoryIndex.RENAMED_TO, change.path());
                addFolders(change.previousPath(), folders);
            }
            addFolders(change.path(), folders);
        }
        for (String folder : folders) {
            target.record(folder, seq, HistoryIndex.FOLDER, null);
        }
        // Release the parsed trees' memory: the walk keeps every commit it has seen.
        commit.disposeBody();
    }

    private static void addFolders(String path, Set<String> folders) {
        folders.add("");
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            folders.add(path.substring(0, slash));
        }
    }

    private HistoryIndex load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            HistoryIndex loaded = HistoryIndex.read(in);
            ObjectId tip = loaded.tip();
            if (tip != null && !repository.getObjectDatabase().has(tip)) {
                LOG.info("history index names a commit this repository lacks; rebuilding");
                return null;
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            LOG.warn("history index at {} is damaged ({}); rebuilding", file, e.toString());
            return null;
        }
    }

    private void save() {
        HistoryIndex current = index;
        if (current == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "history", ".tmp");
            try (OutputStream raw = Files.newOutputStream(temp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
                current.write(out);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            unsaved = 0;
            savedAt = System.nanoTime();
        } catch (IOException e) {
            LOG.warn("history index could not be saved: {}", e.toString());
        }
    }
}
