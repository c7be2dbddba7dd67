package dev.inkstone;

import dev.inkstone.auth.UserStore;
import dev.inkstone.config.GitHubSettings;
import dev.inkstone.config.HttpSettings;
import dev.inkstone.config.ServerConfig;
import dev.inkstone.git.GitContentStore;
import dev.inkstone.git.GitContentWriter;
import dev.inkstone.git.GitHistoryStore;
import dev.inkstone.git.HistoryFiles;
import dev.inkstone.git.RepositorySetup;
import dev.inkstone.render.FlexmarkEngine;
import dev.inkstone.search.SearchSettings;
import io.javalin.Javalin;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Starts the process: parse configuration, build the parts, start the server. */
@Command(name = "inkstone", mixinStandardHelpOptions = true, version = "inkstone 0.1",
        description = "Serves a Git repository of Markdown articles as a JSON API.",
        subcommands = {UserCommand.class, TrainingRun.class})
public final class Main implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final PersonIdent SERVICE_IDENTITY = new PersonIdent("Inkstone", "inkstone@localhost");

    @Option(names = "--port", defaultValue = "${env:INKSTONE_PORT:-7070}", description = "HTTP port (INKSTONE_PORT)")
    int port;

    @Option(names = "--data", defaultValue = "${env:INKSTONE_DATA:-./data}",
            description = "data folder (INKSTONE_DATA)")
    Path data;

    @Option(names = "--repo", defaultValue = "${env:INKSTONE_REPO}",
            description = "serve this existing clone, bare or not (INKSTONE_REPO); default: the sample content")
    Path repo;

    @Option(names = "--branch", defaultValue = "${env:INKSTONE_BRANCH}",
            description = "branch to serve (INKSTONE_BRANCH); default: the clone's HEAD branch")
    String branch;

    @Option(names = "--cors-origin", description = "origin allowed to call the API; repeatable "
            + "(INKSTONE_CORS_ORIGIN, comma-separated)")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--read-access", defaultValue = "${env:INKSTONE_READ_ACCESS:-public}",
            description = "public (default) or token: whether reading needs a reader token (INKSTONE_READ_ACCESS)")
    String readAccess;

    @Option(names = "--max-page-bytes", defaultValue = "2097152", description = "body limit for pages and JSON")
    long maxPageBytes;

    @Option(names = "--max-file-bytes", defaultValue = "20971520", description = "body limit for file uploads")
    long maxFileBytes;

    @Option(names = "--public-url", defaultValue = "${env:INKSTONE_PUBLIC_URL}",
            description = "base URL for absolute links (Atom feed, GitHub API); default: from the request's Host "
                    + "(INKSTONE_PUBLIC_URL)")
    String publicUrl;

    @Option(names = "--github-owner", defaultValue = "${env:INKSTONE_GITHUB_OWNER:-inkstone}",
            description = "owner name of the GitHub-compatible API's repository (INKSTONE_GITHUB_OWNER)")
    String githubOwner;

    @Option(names = "--github-repo", defaultValue = "${env:INKSTONE_GITHUB_REPO:-content}",
            description = "repository name of the GitHub-compatible API (INKSTONE_GITHUB_REPO)")
    String githubRepo;

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new Main());
        int code = command.execute(args);
        // The server's call() returns only on failure; a subcommand that finished ends the process (and so writes
        // the class archive a training run is recorded into).
        if (code != 0 || command.getParseResult().subcommand() != null) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        Running running = start();
        running.adminToken().ifPresent(token -> System.out.println(
                "Created the first admin user. Its token, shown only this once:\n" + token));
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        Thread.currentThread().join();
        return 0;
    }

    /** A started service: its server and what must be closed after it, in order. */
    record Running(Javalin app, GitContentWriter writer, Repository repository, Optional<String> adminToken)
            implements AutoCloseable {

        @Override
        public void close() {
            app.stop();
            writer.close();
            repository.close();
        }
    }

    /** Builds the parts from the options and starts the server; the caller owns what it returns. */
    Running start() throws Exception {
        if (!readAccess.equals("public") && !readAccess.equals("token")) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--read-access must be public or token, got " + readAccess);
        }
        ServerConfig config = new ServerConfig(port, data, repo, blankToNull(branch), origins());
        Repository repository = openRepository(config);
        String served = config.branch() != null ? config.branch() : RepositorySetup.headBranch(repository);
        UserStore users = new UserStore(config.data());
        Optional<String> adminToken = users.ensureAdmin();
        GitContentWriter writer = new GitContentWriter(repository, served, SERVICE_IDENTITY, Clock.systemDefaultZone());
        GitHistoryStore history = GitHistoryStore.startedLater(repository, served,
                config.data().resolve("history").resolve(HistoryFiles.name(repository, served)));
        App.Parts parts = new App.Parts(new GitContentStore(repository, served), writer, new FlexmarkEngine(), users,
                history, () -> writer.workingTree().dirty(), SearchSettings.in(config.data().resolve("search")));
        HttpSettings settings = new HttpSettings(config.corsOrigins(), readAccess.equals("public"), maxPageBytes,
                maxFileBytes, blankToNull(publicUrl));
        Javalin app = App.create(parts, settings, new GitHubSettings(githubOwner, githubRepo));
        app.start(config.port());
        LOG.info("Inkstone serves branch '{}' of {} on port {}", served, repository.getDirectory(), app.port());
        return new Running(app, writer, repository, adminToken);
    }

    private List<String> origins() {
        if (!corsOrigins.isEmpty()) {
            return corsOrigins;
        }
        String env = System.getenv("INKSTONE_CORS_ORIGIN");
        return env == null || env.isBlank() ? List.of()
                : Arrays.stream(env.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Repository openRepository(ServerConfig config) throws Exception {
        if (config.repo() != null) {
            return RepositorySetup.open(config.repo());
        }
        Path gitDir = config.data().resolve("content.git");
        RepositorySetup.removeStaleLocks(gitDir);
        String branch = config.branch() != null ? config.branch() : "main";
        return RepositorySetup.openOrSeed(gitDir, branch, SampleContent.load(), SERVICE_IDENTITY);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
