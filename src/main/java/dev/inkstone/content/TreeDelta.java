package dev.inkstone.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The difference between two trees as entries: {@code upserted} are the new side's, {@code removed} are paths. */
public record TreeDelta(List<TreeEntry> upserted, List<String> removed) {

    /** Git's recursive tree order for full paths: code point (= UTF-8 byte) order. */
    static final Comparator<String> GIT_PATH_ORDER = SiteBuilder::compareCodePoints;

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty();
    }

    /**
     * {@code tree} (in Git's path order) with this delta applied, still in Git's path order. Each changed path is
     * found by binary search, so an edit of one file costs a copy of the list and a few comparisons.
     */
    public List<TreeEntry> applyTo(List<TreeEntry> tree) {
        // An edit usually only replaces entries: then the result is one array copy of the tree with those entries
        // set. The old way (a new ArrayList, then addAll, which goes through toArray) copied the 10,000-entry list
        // twice per commit, the largest allocation of a commit's answer on 10,000 pages (a JFR allocation profile).
        List<TreeEntry> copy = Arrays.asList(tree.toArray(new TreeEntry[0]));
        if (removed.isEmpty() && replaceAll(copy)) {
            return copy;
        }
        List<TreeEntry> result = new ArrayList<>(copy);
        for (String path : removed) {
            int at = indexOf(result, path);
            if (at >= 0) {
                result.remove(at);
            }
        }
        for (TreeEntry entry : upserted) {
            int at = indexOf(result, entry.path());
            if (at >= 0) {
                result.set(at, entry);
            } else {
                result.add(-at - 1, entry);
            }
        }
        return result;
    }

    /** Replaces every upserted entry in place; false (having changed nothing) if one of them is new. */
    private boolean replaceAll(List<TreeEntry> sorted) {
        int[] at = new int[upserted.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = indexOf(sorted, upserted.get(i).path());
            if (at[i] < 0) {
                return false;
            }
        }
        for (int i = 0; i < at.length; i++) {
            sorted.set(at[i], upserted.get(i));
        }
        return true;
    }

    /** As {@link java.util.Collections#binarySearch}: the index, or (-(insertion point) - 1). */
    private static int indexOf(List<TreeEntry> sorted, String path) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = GIT_PATH_ORDER.compare(sorted.get(middle).path(), path);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }
}
