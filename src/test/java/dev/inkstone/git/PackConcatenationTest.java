package dev.inkstone.git;

import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.internal.storage.file.BasePackIndexWriter;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The byte-for-byte merge of tiny packs, checked by C Git: {@code git verify-pack} (every entry, every delta
 * resolved inside the new pack, the index against the pack) and {@code git fsck --strict} once the sources are gone.
 */
class PackConcatenationTest {

    @TempDir
    Path dir;

    @Test
    void everyObjectIsCopiedOnceAndGitAcceptsTheNewPack() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            ObjectDirectory objects = objects(repo);
            Map<ObjectId, String> blobs = new LinkedHashMap<>();
            for (int p = 0; p < 5; p++) {
                // Blob 0 of every pack is the same object: the new pack holds it once.
                List<String> texts = List.of("shared\n", "pack " + p + " blob 1\n", "pack " + p + " blob 2\n",
                        "pack " + p + " blob 3\n");
                List<ObjectId> ids = TestPacks.write(objects, texts.stream()
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
                for (int i = 0; i < ids.size(); i++) {
                    blobs.put(ids.get(i), texts.get(i));
                }
            }
            List<Pack> sources = packs(objects);
            assertThat(sources).hasSizeGreaterThanOrEqualTo(5);

            Path merged = concatenate(objects, sources);

            String verified = repo.git("verify-pack", "-v", index(merged).toString());
            long total = sources.stream().mapToLong(pack -> count(pack)).sum();
            assertThat(verified).contains("ok");
            assertThat(objectLines(verified)).hasSize((int) (total - 4)); // "shared" four times too many
            deleteSources(sources);
            repo.git("fsck", "--strict", "--no-dangling");
            for (var blob : blobs.entrySet()) {
                assertThat(repo.git("cat-file", "-p", blob.getKey().name())).isEqualTo(blob.getValue().strip());
            }
        }
    }

    /**
     * A pack C Git wrote with offset deltas (as a push can leave), after a pack holding one of their bases: the base
     * is copied from the first pack only, and the deltas now point at that copy.
     */
    @Test
    void offsetDeltasPointAtTheirBasesInTheNewPack() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            StringBuilder page = new StringBuilder("# Page\n\n");
            for (int line = 0; line < 200; line++) {
                page.append("Line ").append(line).append(" of a page that changes a little in every commit.\n");
            }
            for (int version = 0; version < 12; version++) {
                page.append("Edit ").append(version).append('\n');
                repo.write("page.md", page.toString()).commit("edit " + version);
            }
            repo.git("repack", "-a", "-d", "-f", "--window=10", "--depth=10");
            ObjectDirectory objects = objects(repo);
            Pack deltified = packs(objects).get(0);
            String listing = repo.git("verify-pack", "-v", index(deltified.getPackFile().toPath()).toString());
            // A line of an entry stored as a delta ends with its depth and its base's id.
            ObjectId base = objectLines(listing).stream()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length == 7)
                    .map(fields -> ObjectId.fromString(fields[6]))
                    .findFirst().orElseThrow();
            byte[] baseBytes = repo.repository().open(base).getBytes();
            TestPacks.write(objects, baseBytes);
            Pack first = packs(objects).stream().filter(pack -> !pack.equals(deltified)).findFirst().orElseThrow();
            List<String> contents = new ArrayList<>();
            for (String line : objectLines(listing)) {
                contents.add(repo.git("cat-file", "-p", line.trim().split("\\s+")[0]));
            }

            Path merged = concatenate(objects, List.of(first, deltified));

            String verified = repo.git("verify-pack", "-v", index(merged).toString());
            assertThat(objectLines(verified)).hasSameSizeAs(objectLines(listing));
            assertThat(verified).contains("chain length");
            deleteSources(List.of(first, deltified));
            repo.git("fsck", "--strict", "--no-dangling");
            List<String> after = new ArrayList<>();
            for (String line : objectLines(listing)) {
                after.add(repo.git("cat-file", "-p", line.trim().split("\\s+")[0]));
            }
            assertThat(after).isEqualTo(contents);
        }
    }

    @Test
    void aDamagedEntryFailsTheCopy() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").commit("start");
            ObjectDirectory objects = objects(repo);
            TestPacks.write(objects, "a blob long enough to flip a byte of\n".repeat(20)
                    .getBytes(StandardCharsets.UTF_8));
            Pack pack = packs(objects).get(0);
            Path file = pack.getPackFile().toPath();
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - Constants.OBJECT_ID_LENGTH - 5] ^= 0x40; // inside the compressed data
            file.toFile().setWritable(true);
            Files.write(file, bytes);

            assertThatThrownBy(() -> PackConcatenation.write(List.of(pack), OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("CRC-32");
        }
    }

    private static ObjectDirectory objects(TestRepo repo) {
        return (ObjectDirectory) repo.repository().getObjectDatabase();
    }

    /** JGit's list, newest first. */
    private static List<Pack> packs(ObjectDirectory objects) {
        return new ArrayList<>(objects.getPacks());
    }

    private static long count(Pack pack) {
        try {
            return pack.getIndex().getObjectCount();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path concatenate(ObjectDirectory objects, List<Pack> sources) throws IOException {
        Path packs = objects.getPackDirectory().toPath();
        Path temp = Files.createTempFile(packs, "test-", ".tmp");
        PackConcatenation.Written written;
        try (OutputStream out = Files.newOutputStream(temp)) {
            written = PackConcatenation.write(sources, out);
        }
        Path pack = packs.resolve(written.name() + ".pack");
        Files.move(temp, pack);
        try (OutputStream out = Files.newOutputStream(index(pack))) {
            BasePackIndexWriter.createVersion(out, 2).write(written.objects(), written.checksum());
        }
        return pack;
    }

    private static Path index(Path pack) {
        return Path.of(pack.toString().replaceFirst("\\.pack$", ".idx"));
    }

    /** The object lines of {@code git verify-pack -v}: an id, then its type. */
    private static List<String> objectLines(String verifyPack) {
        return verifyPack.lines().filter(line -> line.matches("^[0-9a-f]{40} +(blob|tree|commit|tag) .*")).toList();
    }

    private static void deleteSources(List<Pack> sources) throws IOException {
        for (Pack pack : sources) {
            Path file = pack.getPackFile().toPath();
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                String base = file.getFileName().toString().replaceFirst("\\.pack$", "");
                for (Path sibling : siblings.sorted(Comparator.reverseOrder()).toList()) {
                    if (sibling.getFileName().toString().startsWith(base + ".")) {
                        Files.delete(sibling);
                    }
                }
            }
        }
    }
}
