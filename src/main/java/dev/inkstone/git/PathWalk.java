package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.commitgraph.ChangedPathFilter;
import org.eclipse.jgit.internal.storage.commitgraph.CommitGraph;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.DateRevQueue;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commits that changed one path, newest first, as {@code git log -- <path>} lists them (default history
 * simplification: a merge that kept one parent's version is skipped and only that parent is followed).
 * <p>
 * Why not a {@code RevWalk} with {@code ChangedPathTreeFilter}: JGit's {@code TreeRevFilter} opens both root trees
 * of every commit before it asks the Bloom filter, and a walk that retains bodies reads every commit object even
 * when the commit-graph has its headers, so on 100,000 commits it costs seconds however selective the filter.
 * Here headers come from the commit-graph (bodies are not retained), the changed-path Bloom filter is asked for
 * the path and each of its folders (as git does; the path alone lets through far more false positives), and only
 * the commits it lets through have the path looked up in their trees, with the lookups of unchanged subtrees
 * remembered by tree id.
 */
final class PathWalk implements AutoCloseable {

    /** A path's entry in a tree: its object id and raw mode; {@link #ABSENT} when the tree lacks it. */
    record Entry(ObjectId id, int mode) {
        static final Entry ABSENT = new Entry(ObjectId.zeroId(), 0);

        boolean present() {
            return mode != 0;
        }
    }

    private static final int MEMO_LIMIT = 50_000;

    private final ObjectReader reader;
    private final RevWalk walk;
    private final RevFlag seen;
    private final DateRevQueue queue = new DateRevQueue();
    private final byte[][] segments;
    private final byte[][] bloomKeys;
    private final List<Map<ObjectId, Entry>> memo = new ArrayList<>();
    private final CanonicalTreeParser parser = new CanonicalTreeParser();
    /** What looking at the last returned commit queued, so that {@link #pending()} can leave it out. */
    private final List<RevCommit> queuedByLast = new ArrayList<>();
    /** The commit-graph, if the repository has one; linear stretches of history are walked in it directly. */
    private final CommitGraph graph;
    /** Whether more than one line of history was ever queued (merges, several starts): then no direct runs. */
    private boolean branched;
    private int treesRead;
    private int bloomNegatives;
    /** How many commits the walk may look at before it gives up ({@link #limitTo}); unlimited by default. */
    private long budget = Long.MAX_VALUE;
    private long looked;

    /** Thrown by {@link #next()} when the walk has looked at more commits than {@link #limitTo} allows. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(long commits) {
            super("gave up after " + commits + " commits", null, false, false);
        }
    }

    PathWalk(ObjectReader reader, String path) {
        this.reader = reader;
        this.walk = new RevWalk(reader);
        walk.setRetainBody(false);
        this.seen = walk.newFlag("seen");
        CommitGraph loaded;
        try {
            loaded = reader.getCommitGraph().orElse(null);
        } catch (IOException e) {
            loaded = null;
        }
        this.graph = loaded;
        String[] parts = path.isEmpty() ? new String[0] : path.split("/");
        this.segments = new byte[parts.length][];
        this.bloomKeys = new byte[parts.length][];
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            segments[i] = Constants.encode(parts[i]);
            prefix.append(i == 0 ? "" : "/").append(parts[i]);
            bloomKeys[i] = Constants.encode(prefix.toString());
            memo.add(new HashMap<>());
        }
    }

    /** The walk that parsed the commits: {@code walk().parseBody(c)} gives a found commit's message and author. */
    RevWalk walk() {
        return walk;
    }

    /** Starts at {@code commits} (one, or where an earlier walk stopped: see {@link #pending}). */
    void start(Iterable<? extends AnyObjectId> commits) throws IOException {
        int count = 0;
        for (AnyObjectId id : commits) {
            branched |= ++count > 1;
            RevCommit start = walk.parseCommit(id);
            if (!start.has(seen)) {
                start.add(seen);
                queue.add(start);
            }
        }
    }

    void start(AnyObjectId commit) throws IOException {
        start(List.of(commit));
    }

    /**
     * Ends the walk and returns where it would go on before the commit {@link #next()} returned last: that commit
     * and the commits queued before it. With merges there can be several, and a later walk must start at all of
     * them to list what this one would have listed; the last commit's own parents are left out, as commit dates
     * can be out of order and a parent must not be looked at before a commit queued ahead of it.
     */
    List<ObjectId> pending(RevCommit last) {
        List<ObjectId> pending = new ArrayList<>();
        pending.add(last.copy());
        for (RevCommit commit = queue.next(); commit != null; commit = queue.next()) {
            if (!queuedByLast.contains(commit)) {
                pending.add(commit.copy());
            }
        }
        return pending;
    }

    /**
     * Makes {@link #next()} throw {@link BudgetExceeded} once it has looked at more than {@code commits} commits: for
     * answers that are only worth a bounded walk (a page's authorship before the history index is ready).
     */
    PathWalk limitTo(long commits) {
        budget = commits;
        return this;
    }

    private void look() {
        if (++looked > budget) {
            throw new BudgetExceeded(budget);
        }
    }

    /** The next commit that changed the path, or null when history is exhausted. */
    RevCommit next() throws IOException {
        for (RevCommit commit = queue.next(); commit != null; commit = queue.next()) {
            look();
            queuedByLast.clear();
            RevCommit[] parents = commit.getParents();
            for (RevCommit parent : parents) {
                walk.parseHeaders(parent);
            }
            int position = parents.length == 1 && !branched && graph != null ? graph.findGraphPosition(commit) : -1;
            if (position >= 0) {
                RevCommit found = runDownGraph(commit, position);
                if (found != null) {
                    return found;
                }
            } else if (parents.length == 0) {
                if (entryAt(commit).present()) {
                    return commit;
                }
            } else if (parents.length == 1) {
                enqueue(parents[0]);
                if (mayHaveChanged(commit) && !entryAt(commit).equals(entryAt(parents[0]))) {
                    return commit;
                }
            } else {
                Entry mine = entryAt(commit);
                RevCommit same = null;
                for (RevCommit parent : parents) {
                    if (mine.equals(entryAt(parent))) {
                        same = parent;
                        break;
                    }
                }
                if (same != null) {
                    enqueue(same);
                } else {
                    branched = true;
                    for (RevCommit parent : parents) {
                        enqueue(parent);
                    }
                    return commit;
                }
            }
        }
        return null;
    }

    /**
     * Follows single-parent history from {@code from} by commit-graph positions, without a {@code RevCommit} (and
     * its entries in the walk's object map) per commit: only the commit found and its parent become objects. Only
     * while a single line of history is queued, so no commit it passes can be seen from elsewhere. Returns the
     * commit that changed the path (its parent queued), or null when the run reached a merge or a root commit,
     * which is queued for {@link #next()} to look at.
     */
    private RevCommit runDownGraph(RevCommit from, int fromPosition) throws IOException {
        int position = fromPosition;
        CommitGraph.CommitData data = graph.getCommitData(position);
        while (true) {
            look();
            int[] parents = data.getParents();
            if (parents.length != 1) {
                RevCommit stop = walk.parseCommit(graph.getObjectId(position));
                stop.add(seen);
                queue.add(stop);
                return null;
            }
            CommitGraph.CommitData parentData = graph.getCommitData(parents[0]);
            ChangedPathFilter filter = bloomKeys.length == 0 ? null : graph.getChangedPathFilter(position);
            if (ruledOut(filter)) {
                bloomNegatives++;
            } else if (!entryOf(data.getTree()).equals(entryOf(parentData.getTree()))) {
                RevCommit found = position == fromPosition ? from : walk.parseCommit(graph.getObjectId(position));
                found.add(seen);
                enqueue(walk.parseCommit(graph.getObjectId(parents[0])));
                return found;
            }
            position = parents[0];
            data = parentData;
        }
    }

    private boolean ruledOut(ChangedPathFilter filter) {
        if (filter == null) {
            return false;
        }
        for (byte[] key : bloomKeys) {
            if (!filter.maybeContains(key)) {
                return true;
            }
        }
        return false;
    }

    private Entry entryOf(ObjectId tree) throws IOException {
        return segments.length == 0 ? new Entry(tree, FileMode.TREE.getBits()) : entryIn(tree, 0);
    }

    private void enqueue(RevCommit parent) {
        if (!parent.has(seen)) {
            parent.add(seen);
            queue.add(parent);
            queuedByLast.add(parent);
        }
    }

    /** False when the commit's changed-path Bloom filter rules out the path or one of its folders. */
    private boolean mayHaveChanged(RevCommit commit) {
        if (bloomKeys.length == 0) {
            return true;
        }
        ChangedPathFilter filter = commit.getChangedPathFilter(walk);
        if (filter == null) {
            return true;
        }
        for (byte[] key : bloomKeys) {
            if (!filter.maybeContains(key)) {
                bloomNegatives++;
                return false;
            }
        }
        return true;
    }

    /** The path's entry in a commit's tree. */
    Entry entryAt(RevCommit commit) throws IOException {
        if (segments.length == 0) {
            return new Entry(commit.getTree().copy(), FileMode.TREE.getBits());
        }
        return entryIn(commit.getTree(), 0);
    }

    private Entry entryIn(AnyObjectId tree, int level) throws IOException {
        Map<ObjectId, Entry> known = memo.get(level);
        Entry entry = known.get(tree);
        if (entry == null) {
            entry = find(tree, segments[level]);
            if (entry.present() && level + 1 < segments.length) {
                entry = FileMode.TREE.equals(entry.mode()) ? entryIn(entry.id(), level + 1) : Entry.ABSENT;
            }
            if (known.size() >= MEMO_LIMIT) {
                known.clear();
            }
            known.put(tree.copy(), entry);
        }
        return entry;
    }

    private Entry find(AnyObjectId tree, byte[] name) throws IOException {
        treesRead++;
        parser.reset(reader.open(tree, Constants.OBJ_TREE).getCachedBytes());
        for (; !parser.eof(); parser.next()) {
            if (nameEquals(parser, name)) {
                return new Entry(parser.getEntryObjectId(), parser.getEntryRawMode());
            }
        }
        return Entry.ABSENT;
    }

    private static boolean nameEquals(CanonicalTreeParser parser, byte[] name) {
        int length = parser.getNameLength();
        if (length != name.length) {
            return false;
        }
        byte[] buffer = parser.getEntryPathBuffer();
        int offset = parser.getNameOffset();
        return Arrays.equals(buffer, offset, offset + length, name, 0, length);
    }

    /** Trees opened so far (for tests: the Bloom filters should keep this far below the commits walked). */
    int treesRead() {
        return treesRead;
    }

    /** Commits the Bloom filters ruled out so far. */
    int bloomNegatives() {
        return bloomNegatives;
    }

    @Override
    public void close() {
        walk.close();
    }
}
