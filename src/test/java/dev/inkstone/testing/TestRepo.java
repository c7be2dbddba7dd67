package dev.inkstone.testing;

import dev.inkstone.git.GitContentWriter;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A real Git repository in a temp folder with a working tree, fixed identities and dates, and no user Git config:
 * the fixture every test builds its content in. Commits go through JGit, or through the {@code git} CLI via
 * {@link #git}, which also serves as the outside witness.
 */
public final class TestRepo implements AutoCloseable {

    public static final PersonIdent ALICE = new PersonIdent("Alice Author", "alice@example.com");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final Instant EPOCH = Instant.parse("2024-01-01T02:00:00Z");

    private final Path dir;
    private final Git git;
    private int commits;
    private volatile Runnable settle = () -> {
    };

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static TestRepo create(Path dir) {
        try {
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            return new TestRepo(dir, git);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return git.getRepository();
    }

    public TestRepo write(String path, String content) {
        return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Called before this class touches the working tree (files, the index, the {@code git} CLI): a server on this
     * repository waits there for its working-tree checkouts, which run after each of its commits on their own thread.
     */
    public void beforeWorkingTreeUse(Runnable settle) {
        this.settle = settle;
    }

    public TestRepo writeBytes(String path, byte[] content) {
        settle.run();
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo writeAll(Map<String, String> files) {
        files.forEach(this::write);
        return this;
    }

    public TestRepo delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything in the working tree as Alice, one hour after the previous commit; returns its id. */
    public String commit(String message) {
        return commitAs(ALICE, message);
    }

    public String commitAs(PersonIdent who, String message) {
        settle.run();
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent dated = new PersonIdent(who, nextDate(), OFFSET);
            RevCommit commit = git.commit().setMessage(message).setAuthor(dated).setCommitter(dated)
                    .setSign(false).call();
            return commit.name();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant nextDate() {
        return EPOCH.plusSeconds(3600L * commits++);
    }

    /** A writer committing to {@code main} as the service does (committer Inkstone, the system clock); close it. */
    public GitContentWriter writer() {
        try {
            return new GitContentWriter(repository(), "main", new PersonIdent("Inkstone", "inkstone@localhost"),
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the real {@code git} CLI in the repository, isolated from any user or system config. */
    public String git(String... args) {
        settle.run();
        return GitCli.run(dir, args);
    }

    @Override
    public void close() {
        git.close();
    }
}
