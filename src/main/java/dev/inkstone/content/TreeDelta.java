package dev.inkstone.content;

import java.util.ArrayList;
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
        List<TreeEntry> result = new ArrayList<>(tree.size() + upserted.size());
        result.addAll(tree);
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
