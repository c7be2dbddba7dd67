package dev.inkstone.content;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A delta applied to a tree gives the tree of the new side: in Git's path order, the old list left as it was. */
class TreeDeltaTest {

    private static TreeEntry entry(String path, int version) {
        return new TreeEntry(path, String.format("%040x", version), TreeEntry.Kind.FILE);
    }

    @Test
    void randomDeltasGiveTheNewSidesTree() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            TreeMap<String, TreeEntry> before = new TreeMap<>(TreeDelta.GIT_PATH_ORDER);
            for (int i = 0; i < 200; i++) {
                String path = "d" + random.nextInt(5) + "/p" + random.nextInt(400) + ".md";
                before.put(path, entry(path, random.nextInt(1000)));
            }
            TreeMap<String, TreeEntry> after = new TreeMap<>(before);
            List<TreeEntry> upserted = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            // Half the rounds only replace entries (an edit), the others also add and remove (new pages, moves).
            boolean replaceOnly = round % 2 == 0;
            List<String> paths = new ArrayList<>(before.keySet());
            for (int change = 0; change < 1 + random.nextInt(6); change++) {
                int kind = replaceOnly ? 0 : random.nextInt(3);
                if (kind == 0) {
                    String path = paths.get(random.nextInt(paths.size()));
                    if (!after.containsKey(path) || upserted.stream().anyMatch(e -> e.path().equals(path))) {
                        continue;
                    }
                    TreeEntry changed = entry(path, 5000 + change);
                    upserted.add(changed);
                    after.put(path, changed);
                } else if (kind == 1) {
                    String path = "new/" + round + "-" + change + ".md";
                    TreeEntry added = entry(path, 7000 + change);
                    upserted.add(added);
                    after.put(path, added);
                } else {
                    String path = paths.get(random.nextInt(paths.size()));
                    if (upserted.stream().anyMatch(e -> e.path().equals(path)) || removed.contains(path)) {
                        continue;
                    }
                    removed.add(path);
                    after.remove(path);
                }
            }
            List<TreeEntry> tree = List.copyOf(before.values());
            List<TreeEntry> applied = new TreeDelta(upserted, removed).applyTo(tree);
            assertThat(applied).containsExactlyElementsOf(after.values());
            assertThat(tree).containsExactlyElementsOf(before.values());
        }
    }
}
