package dev.inkstone.git;

import dev.inkstone.content.FolderEntry;
import dev.inkstone.testing.TestRepo;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FolderListingTest {

    @TempDir
    Path dir;

    /**
     * A pack merge retires the packs it merged and deletes them two seconds later, while JGit may still list them: it
     * rescans the pack directory when the directory's timestamp says it changed. JGit's blob-size lookup walks that
     * list without the error handling its other lookups have ({@code WindowCursor.findPack}, 7.5): a listed pack
     * whose index was never opened and is gone failed a folder listing with FileNotFoundException (the search
     * indexer, under bench/probe_writes.py). Here the directory's timestamp is put back after the deletion, so JGit
     * keeps listing the deleted pack, first.
     */
    @Test
    void sizesAreReadPastAPackDeletedWhileJGitStillListsIt() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            byte[] content = "# A\n".getBytes(StandardCharsets.UTF_8);
            String commit = repo.writeBytes("notes/a.md", content).commit("start");
            ObjectDirectory objects = (ObjectDirectory) repo.repository().getObjectDatabase();
            Path packs = objects.getPackDirectory().toPath();
            TestPacks.write(objects, content, "merged".getBytes(StandardCharsets.UTF_8));
            Set<Path> before = packFiles(packs);
            TestPacks.write(objects, content, "retired".getBytes(StandardCharsets.UTF_8));
            Path retired = packFiles(packs).stream().filter(file -> !before.contains(file)).findFirst().orElseThrow();

            // JGit lists packs newest first: the retired one is searched before any other.
            Instant past = Instant.now().minus(Duration.ofHours(2));
            for (Path pack : packFiles(packs)) {
                Files.setLastModifiedTime(pack, FileTime.from(pack.equals(retired) ? past.plusSeconds(60) : past));
            }
            Files.setLastModifiedTime(packs, FileTime.from(past));
            assertThat(objects.getPacks()).first()
                    .satisfies(pack -> assertThat(pack.getPackFile().toPath()).isEqualTo(retired));
            Files.delete(retired);
            Files.delete(Path.of(retired.toString().replaceFirst("\\.pack$", ".idx")));
            Files.setLastModifiedTime(packs, FileTime.from(past));

            List<FolderEntry> entries = new FolderListing(repo.repository()).list(commit, "notes").orElseThrow();

            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.name()).isEqualTo("a.md");
                assertThat(entry.size()).isEqualTo(content.length);
            });
        }
    }

    private static Set<Path> packFiles(Path packs) throws Exception {
        try (Stream<Path> files = Files.list(packs)) {
            return files.filter(file -> file.toString().endsWith(".pack")).collect(Collectors.toSet());
        }
    }
}
