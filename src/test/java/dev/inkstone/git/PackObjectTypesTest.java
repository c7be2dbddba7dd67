package dev.inkstone.git;

import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Types read from pack entry headers equal the types JGit finds by opening every object, in packs that C Git wrote
 * with deltas by offset and by id (base chains included).
 */
class PackObjectTypesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void headerTypesMatchOpenedObjects(boolean deltaBaseOffset) throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                text.append("Line ").append(i).append(" of a page that grows a little with every commit.\n");
                repo.write("docs/page.md", "# Page\n\n" + text).write("docs/other" + (i % 3) + ".md", "v" + i + "\n")
                        .commit("edit " + i);
            }
            repo.git("tag", "-a", "v1", "-m", "a tag object too");
            repo.git("-c", "repack.useDeltaBaseOffset=" + deltaBaseOffset, "repack", "-a", "-d", "-f",
                    "--depth=20", "--window=20");
            assertThat(repo.git("count-objects", "-v")).contains("count: 0");
            String verify = repo.git("verify-pack", "-v", packIndex(repo));
            assertThat(verify).contains("chain length = 2"); // deltas on deltas were written

            ObjectDirectory objects = (ObjectDirectory) repo.repository().getObjectDatabase();
            objects.getPacks(); // rescans after the repack
            Map<ObjectId, Integer> headers = new HashMap<>();
            Map<ObjectId, Integer> opened = new HashMap<>();
            try (ObjectReader reader = repo.repository().newObjectReader()) {
                for (Pack pack : objects.getPacks()) {
                    PackObjectTypes.forEach(pack, reader, headers::put);
                    for (var entry : pack) {
                        opened.put(entry.toObjectId(), reader.open(entry.toObjectId()).getType());
                    }
                }
            }
            assertThat(headers).hasSizeGreaterThan(150).isEqualTo(opened);
            assertThat(headers.values()).contains(1, 2, 3, 4);
        }
    }

    private static String packIndex(TestRepo repo) throws Exception {
        try (var files = java.nio.file.Files.list(repo.dir().resolve(".git/objects/pack"))) {
            return files.filter(f -> f.toString().endsWith(".idx")).findFirst().orElseThrow().toString();
        }
    }
}
