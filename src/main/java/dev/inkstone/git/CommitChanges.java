package dev.inkstone.git;

import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
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
import java.util.List;

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
        RevCommit[] parents = commit.getParents();
        if (parents.length > 1) {
            return ofMerge(reader, walk, commit);
        }
        return between(repository, reader, parents.length == 0 ? null : walk.parseCommit(parents[0]).getTree(),
                commit.getTree());
    }

    /** Changes between two trees ({@code from} null is the empty tree), renames detected. */
    static List<FileChange> between(Repository repository, ObjectReader reader, RevTree from, RevTree to)
            throws IOException {
        List<DiffEntry> entries;
        try (TreeWalk treeWalk = new TreeWalk(repository, reader)) {
            treeWalk.setRecursive(true);
            treeWalk.setFilter(TreeFilter.ANY_DIFF);
            if (from == null) {
                treeWalk.addTree(new EmptyTreeIterator());
            } else {
                treeWalk.addTree(from);
            }
            treeWalk.addTree(to);
            entries = DiffEntry.scan(treeWalk);
        }
        boolean adds = entries.stream().anyMatch(e -> e.getChangeType() == DiffEntry.ChangeType.ADD);
        boolean deletes = entries.stream().anyMatch(e -> e.getChangeType() == DiffEntry.ChangeType.DELETE);
        if (adds && deletes) {
            RenameDetector renames = new RenameDetector(reader, repository.getConfig().get(DiffConfig.KEY));
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
