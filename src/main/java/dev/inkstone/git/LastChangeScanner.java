package dev.inkstone.git;

import dev.inkstone.content.CommitRef;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in one walk from the tip, the newest commit that changed each wanted path (files and folders).
 * The walk stops as soon as every wanted path is answered; per commit it only descends into changed subtrees,
 * so its cost follows the changes, not the size of the repository.
 */
final class LastChangeScanner {

    private final Repository repository;

    LastChangeScanner(Repository repository) {
        this.repository = repository;
    }

    Map<String, CommitRef> scan(ObjectId tip, Set<String> wanted) {
        Set<String> remaining = new HashSet<>(wanted);
        Map<String, CommitRef> found = new HashMap<>();
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader);
             TreeWalk treeWalk = new TreeWalk(repository, reader)) {
            walk.markStart(walk.parseCommit(tip));
            for (RevCommit commit : walk) {
                if (remaining.isEmpty()) {
                    break;
                }
                CommitRef ref = null;
                treeWalk.reset();
                treeWalk.setRecursive(false);
                treeWalk.setFilter(ChangedInEveryParentFilter.INSTANCE);
                treeWalk.addTree(commit.getTree());
                if (commit.getParentCount() == 0) {
                    treeWalk.addTree(new EmptyTreeIterator());
                }
                for (RevCommit parent : commit.getParents()) {
                    treeWalk.addTree(walk.parseCommit(parent).getTree());
                }
                while (treeWalk.next()) {
                    if (ref == null) {
                        ref = Commits.ref(commit);
                        if (remaining.remove("")) {
                            found.put("", ref);
                        }
                    }
                    String path = treeWalk.getPathString();
                    if (remaining.remove(path)) {
                        found.put(path, ref);
                    }
                    if (treeWalk.isSubtree()) {
                        treeWalk.enterSubtree();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
