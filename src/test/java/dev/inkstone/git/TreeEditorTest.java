package dev.inkstone.git;

import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's tree editor against a plain model of the files: random puts and removals (names chosen so that
 * Git's "folder sorts as name/" rule matters: {@code a}, {@code a.b}, {@code a-b}, {@code a0}), every resulting
 * tree listed recursively and compared, and the whole history checked by {@code git fsck --strict}, which
 * rejects trees in the wrong order, empty trees and duplicate names.
 */
class TreeEditorTest {

    private static final List<String> NAMES = List.of("a", "a.b", "a-b", "a0", "b", "é", "z.md");

    @TempDir
    Path dir;

    @Test
    void randomEditsMatchAModelAndPassFsck() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            Random random = new Random(11);
            TreeMap<String, String> model = new TreeMap<>();
            ObjectId tree = null;
            ObjectId parent = null;
            try (ObjectInserter inserter = repo.repository().newObjectInserter();
                 ObjectReader reader = inserter.newReader()) {
                for (int commit = 0; commit < 120; commit++) {
                    TreeEditor editor = new TreeEditor(reader, tree);
                    for (int edit = 0; edit < 1 + random.nextInt(4); edit++) {
                        String path = randomPath(random);
                        if (random.nextInt(3) == 0) {
                            editor.remove(path);
                            model.remove(path);
                            model.keySet().removeIf(file -> file.startsWith(path + "/"));
                        } else if (!blocked(model, path)) {
                            String content = "c" + commit + "-" + edit;
                            editor.put(path, FileMode.REGULAR_FILE,
                                    inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
                            model.put(path, content);
                        }
                    }
                    tree = editor.write(inserter);
                    assertThat(list(reader, tree)).as("after commit " + commit).isEqualTo(model);
                    CommitBuilder builder = new CommitBuilder();
                    builder.setTreeId(tree);
                    if (parent != null) {
                        builder.setParentId(parent);
                    }
                    builder.setAuthor(TestRepo.ALICE);
                    builder.setCommitter(TestRepo.ALICE);
                    builder.setMessage("commit " + commit + "\n");
                    parent = inserter.insert(builder);
                }
                inserter.flush();
            }
            RefUpdate update = repo.repository().updateRef("refs/heads/main");
            update.setNewObjectId(parent);
            update.forceUpdate();
            repo.git("fsck", "--strict", "--no-dangling");
            assertThat(List.of(repo.git("ls-tree", "-r", "-z", "--name-only", "main").split("\0")))
                    .containsExactlyInAnyOrderElementsOf(model.keySet());
        }
    }

    @Test
    void aFileWhereAFolderIsIsRefused() throws Exception {
        try (TestRepo repo = TestRepo.create(dir);
             ObjectInserter inserter = repo.repository().newObjectInserter();
             ObjectReader reader = inserter.newReader()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, new byte[]{1});
            TreeEditor editor = new TreeEditor(reader, null);
            editor.put("a/b.md", FileMode.REGULAR_FILE, blob);
            ObjectId tree = editor.write(inserter);
            TreeEditor next = new TreeEditor(reader, tree);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> next.put("a", FileMode.REGULAR_FILE, blob))
                    .isInstanceOf(IllegalStateException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> next.put("a/b.md/c", FileMode.REGULAR_FILE, blob))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(next.write(inserter)).isEqualTo(tree);
        }
    }

    /** A put where a file is on the way, or where a folder already is, cannot be expressed in one tree. */
    private static boolean blocked(Map<String, String> model, String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (model.containsKey(path.substring(0, slash))) {
                return true;
            }
        }
        return model.keySet().stream().anyMatch(file -> file.startsWith(path + "/"));
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        int depth = 1 + random.nextInt(3);
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(NAMES.get(random.nextInt(NAMES.size())));
        }
        return path.toString();
    }

    private static TreeMap<String, String> list(ObjectReader reader, ObjectId tree) throws Exception {
        TreeMap<String, String> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(walk.getPathString(),
                        new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
