package dev.inkstone.git;

import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Keeps entries of tree 0 that differ from every other tree. For an ordinary commit that is "changed since the
 * parent"; for a merge it is Git's history simplification: a path that matches one parent was not changed by the merge.
 */
final class ChangedInEveryParentFilter extends TreeFilter {

    static final ChangedInEveryParentFilter INSTANCE = new ChangedInEveryParentFilter();

    private ChangedInEveryParentFilter() {
    }

    @Override
    public boolean include(TreeWalk walk) {
        int trees = walk.getTreeCount();
        for (int parent = 1; parent < trees; parent++) {
            if (walk.idEqual(0, parent) && walk.getRawMode(0) == walk.getRawMode(parent)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean shouldBeRecursive() {
        return false;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }

    @Override
    public String toString() {
        return "CHANGED_IN_EVERY_PARENT";
    }
}
