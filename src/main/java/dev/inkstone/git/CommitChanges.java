package dev.inkstone.git;

import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one commit changed against its parent, with exact and similar renames detected as Git does;
 * for a merge, only what differs from every parent (the merge's own resolution), without rename detection.
 */
final class CommitChanges {

    /** kind is one of {@link HistoryIndex}'s ADDED, MODIFIED, DELETED, RENAMED_FROM. */
    record FileChange(byte kind, String path, String previousPath) {
    }

    private CommitChanges() {
    }

    static List<FileChange> of(Repository repository, ObjectReader reader, RevWalk walk, RevCommit commit)
            throws IOException {
        try (Differ differ = new Differ(repository, reader)) {
            return differ.of(walk, commit);
        }
    }

    /** Changes between two trees ({@code from} null is the empty tree), renames detected. */
    static List<FileChange> between(Repository repository, ObjectReader reader, RevTree from, RevTree to)
            throws IOException {
        try (Differ differ = new Differ(repository, reader)) {
            return differ.between(from, to);
        }
    }

    /**
     * Diffs commit after commit with one tree walk and the diff settings read once: the history index diffs every
     * commit of the branch, and a fresh walk, config lookup and rename detector per commit added up. The walk
     * compares trees by id, so a commit that changed one file descends only the folders on that file's path.
     */
    static final class Differ implements AutoCloseable {

        private final ObjectReader reader;
        private final DiffConfig diffConfig;
        private final TreeWalk treeWalk;

        Differ(Repository repository, ObjectReader reader) {
            this.reader = new RecentTrees(reader);
            this.diffConfig = repository.getConfig().get(DiffConfig.KEY);
            this.treeWalk = new TreeWalk(repository, this.reader);
            treeWalk.setRecursive(true);
            treeWalk.setFilter(TreeFilter.ANY_DIFF);
        }

        List<FileChange> of(RevWalk walk, RevCommit commit) throws IOException {
            RevCommit[] parents = commit.getParents();
            if (parents.length > 1) {
                return ofMerge(reader, walk, commit);
            }
            RevTree from = null;
            if (parents.length == 1) {
                RevCommit parent = parents[0];
                if (parent.getTree() == null) {
                    walk.parseHeaders(parent);
                }
                from = parent.getTree();
            }
            return between(from, commit.getTree());
        }

        List<FileChange> between(RevTree from, RevTree to) throws IOException {
            if (from == null) {
                treeWalk.reset();
                treeWalk.addTree(new EmptyTreeIterator());
                treeWalk.addTree(to);
            } else {
                treeWalk.reset(from, to);
            }
            List<DiffEntry> entries = DiffEntry.scan(treeWalk);
            boolean adds = false;
            boolean deletes = false;
            for (DiffEntry entry : entries) {
                adds |= entry.getChangeType() == DiffEntry.ChangeType.ADD;
                deletes |= entry.getChangeType() == DiffEntry.ChangeType.DELETE;
            }
            if (adds && deletes) {
                RenameDetector renames = new RenameDetector(reader, diffConfig);
                renames.addAll(entries);
                try {
                    entries = renames.compute(reader, NullProgressMonitor.INSTANCE);
                } catch (org.eclipse.jgit.api.errors.CanceledException e) {
                    throw new IOException("rename detection was cancelled", e);
                }
            }
            List<FileChange> changes = new ArrayList<>(entries.size());
            for (DiffEntry entry : entries) {
                switch (entry.getChangeType()) {
                    case ADD -> changes.add(new FileChange(HistoryIndex.ADDED, entry.getNewPath(), null));
                    case MODIFY -> changes.add(new FileChange(HistoryIndex.MODIFIED, entry.getNewPath(), null));
                    case DELETE -> changes.add(new FileChange(HistoryIndex.DELETED, entry.getOldPath(), null));
                    case RENAME -> changes.add(new FileChange(HistoryIndex.RENAMED_FROM, entry.getNewPath(),
                            entry.getOldPath()));
                    case COPY -> changes.add(new FileChange(HistoryIndex.ADDED, entry.getNewPath(), null));
                }
            }
            return changes;
        }

        @Override
        public void close() {
            treeWalk.close();
        }
    }

    /**
     * Keeps the last trees read: diffing commit after commit, each commit's trees are the next one's parent trees,
     * so without it every unchanged-path tree on the way to a change was read (and undeltified) twice.
     */
    private static final class RecentTrees extends ObjectReader.Filter {

        private static final int KEEP = 512;

        private final ObjectReader delegate;
        private final Map<ObjectId, byte[]> trees = new LinkedHashMap<>(KEEP * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ObjectId, byte[]> eldest) {
                return size() > KEEP;
            }
        };

        RecentTrees(ObjectReader delegate) {
            this.delegate = delegate;
        }

        @Override
        protected ObjectReader delegate() {
            return delegate;
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
            if (typeHint != Constants.OBJ_TREE) {
                return delegate.open(id, typeHint);
            }
            byte[] tree = trees.get(id);
            if (tree == null) {
                tree = delegate.open(id, typeHint).getCachedBytes();
                trees.put(id.copy(), tree);
            }
            return new ObjectLoader.SmallObject(Constants.OBJ_TREE, tree);
        }

        @Override
        public void close() {
            // the delegate belongs to the caller
        }
    }

    private static List<FileChange> ofMerge(ObjectReader reader, RevWalk walk, RevCommit commit) throws IOException {
        List<FileChange> changes = new ArrayList<>();
        try (TreeWalk treeWalk = new TreeWalk(reader)) {
            treeWalk.setRecursive(true);
            treeWalk.setFilter(ChangedInEveryParentFilter.INSTANCE);
            treeWalk.addTree(commit.getTree());
            for (RevCommit parent : commit.getParents()) {
                treeWalk.addTree(walk.parseCommit(parent).getTree());
            }
            while (treeWalk.next()) {
                boolean inMerge = treeWalk.getRawMode(0) != FileMode.MISSING.getBits();
                boolean inAnyParent = false;
                for (int i = 1; i < treeWalk.getTreeCount(); i++) {
                    inAnyParent |= treeWalk.getRawMode(i) != FileMode.MISSING.getBits();
                }
                byte kind = !inMerge ? HistoryIndex.DELETED : inAnyParent ? HistoryIndex.MODIFIED : HistoryIndex.ADDED;
                changes.add(new FileChange(kind, treeWalk.getPathString(), null));
            }
        }
        return changes;
    }
}
