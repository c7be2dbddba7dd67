package dev.inkstone.search;

import dev.inkstone.content.SiteService;
import dev.inkstone.git.GitContentStore;
import dev.inkstone.render.FlexmarkEngine;
import dev.inkstone.testing.TestRepo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample knowledge base ({@code repo-content/}, 22 pages) committed to a fresh test repository. */
final class SampleRepo {

    private SampleRepo() {
    }

    static TestRepo create(Path dir) {
        TestRepo repo = TestRepo.create(dir);
        Path root = Path.of("repo-content");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                repo.writeBytes(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repo.commit("sample content");
        return repo;
    }

    /** Sites of the repository's {@code main}, rendered as the service renders them. */
    static SiteService sites(TestRepo repo) {
        return new SiteService(new GitContentStore(repo.repository(), "main"), new FlexmarkEngine());
    }
}
