package dev.inkstone.testing;

import dev.inkstone.App;
import dev.inkstone.auth.Role;
import dev.inkstone.auth.UserStore;
import dev.inkstone.config.GitHubSettings;
import dev.inkstone.config.HttpSettings;
import dev.inkstone.git.GitContentStore;
import dev.inkstone.git.GitContentWriter;
import dev.inkstone.git.GitHistoryStore;
import dev.inkstone.render.FlexmarkEngine;
import dev.inkstone.search.SearchSettings;
import io.javalin.Javalin;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The real application on a random port over a real repository, with a writer and a users file in a temp folder.
 * Every response a test receives through {@link #spec()} is validated against openapi.yaml.
 */
public final class TestServer implements AutoCloseable {

    public static final PersonIdent SERVICE = new PersonIdent("Inkstone", "inkstone@localhost");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.ofHours(1));

    private final Javalin app;
    private final GitContentWriter writer;
    private final UserStore users;

    private TestServer(Javalin app, GitContentWriter writer, UserStore users) {
        this.app = app;
        this.writer = writer;
        this.users = users;
    }

    public static TestServer start(Repository repository, String branch, HttpSettings settings) {
        return start(repository, branch, settings, GitHubSettings.defaults());
    }

    public static TestServer start(Repository repository, String branch, HttpSettings settings,
                                   GitHubSettings github) {
        return start(repository, branch, settings, github, null);
    }

    /** A server whose search index lives in {@code search.folder()} and is built on {@code search.executor()}. */
    public static TestServer start(TestRepo repo, SearchSettings search) {
        return followedBy(repo, start(repo.repository(), "main", HttpSettings.defaults(), GitHubSettings.defaults(),
                search));
    }

    /** A server whose history answers come from {@code history} (e.g. one whose index is never ready). */
    public static TestServer start(TestRepo repo, GitHistoryStore history) {
        return followedBy(repo, start(repo.repository(), "main", HttpSettings.defaults(), GitHubSettings.defaults(),
                null, history));
    }

    /** The test's own use of the working tree waits for this server's checkouts (see WorkingTreeSync). */
    private static TestServer followedBy(TestRepo repo, TestServer server) {
        repo.beforeWorkingTreeUse(() -> server.writer().workingTree().awaitFollowed());
        return server;
    }

    private static TestServer start(Repository repository, String branch, HttpSettings settings,
                                    GitHubSettings github, SearchSettings search) {
        return start(repository, branch, settings, github, search, null);
    }

    private static TestServer start(Repository repository, String branch, HttpSettings settings,
                                    GitHubSettings github, SearchSettings search, GitHistoryStore givenHistory) {
        try {
            Path data = Files.createTempDirectory("inkstone-data");
            UserStore users = new UserStore(data);
            GitContentWriter writer = new GitContentWriter(repository, branch, SERVICE, CLOCK);
            GitHistoryStore history = givenHistory != null ? givenHistory
                    : new GitHistoryStore(repository, branch, data.resolve("history/index.idx"));
            App.Parts parts = new App.Parts(new GitContentStore(repository, branch), writer, new FlexmarkEngine(),
                    users, history, () -> writer.workingTree().dirty(),
                    search != null ? search : SearchSettings.in(data.resolve("search")));
            Javalin app = App.create(parts, settings, github);
            app.start("127.0.0.1", 0);
            return new TestServer(app, writer, users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestServer start(Repository repository, String branch, List<String> corsOrigins) {
        return start(repository, branch, HttpSettings.defaults().withCors(corsOrigins));
    }

    public static TestServer start(TestRepo repo) {
        return followedBy(repo, start(repo.repository(), "main", List.of()));
    }

    public int port() {
        return app.port();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    public GitContentWriter writer() {
        return writer;
    }

    /** Adds a user with the role and returns its bearer token. */
    public String token(String name, Role role) {
        return users.add(name, name.toLowerCase().replace(' ', '.') + "@example.com", role);
    }

    /** Requests with the contract check; paths are sent exactly as written (no re-encoding). */
    public RequestSpecification spec() {
        return new RequestSpecBuilder()
                .setBaseUri(baseUri())
                .setUrlEncodingEnabled(false)
                .setConfig(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8")
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .addFilter(new Contract())
                .build();
    }

    @Override
    public void close() {
        app.stop();
        writer.close();
    }
}
