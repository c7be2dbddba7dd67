package dev.inkstone.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The difference between two trees as entries: {@code upserted} are the new side's, {@code removed} are paths. */
public record TreeDelta(List<TreeEntry> upserted, List<String> removed) {

    /** Git's recursive tree order for full paths: code point (= UTF-8 byte) order. */
    static final Comparator<String> GIT_PATH_ORDER = SiteBuilder::compareCodePoints;

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty();
    }

    /** {@code tree} (in Git's path order) with this delta applied, still in Git's path order. */
    public List<TreeEntry> applyTo(List<TreeEntry> tree) {
        Set<String> gone = new HashSet<>(removed);
        for (TreeEntry entry : upserted) {
            gone.add(entry.path());
        }
        List<TreeEntry> added = new ArrayList<>(upserted);
        added.sort(Comparator.comparing(TreeEntry::path, GIT_PATH_ORDER));
        List<TreeEntry> result = new ArrayList<>(tree.size() + added.size());
        int next = 0;
        for (TreeEntry entry : tree) {
            while (next < added.size() && GIT_PATH_ORDER.compare(added.get(next).path(), entry.path()) < 0) {
                result.add(added.get(next++));
            }
            if (!gone.contains(entry.path())) {
                result.add(entry);
            }
        }
        result.addAll(added.subList(next, added.size()));
        return result;
    }
}
