package dev.inkstone;

import dev.inkstone.auth.UserStore;
import dev.inkstone.config.GitHubSettings;
import dev.inkstone.config.HttpSettings;
import dev.inkstone.content.ContentStore;
import dev.inkstone.content.ContentWriter;
import dev.inkstone.content.EditService;
import dev.inkstone.content.HistoryService;
import dev.inkstone.content.HistoryStore;
import dev.inkstone.content.MarkupEngine;
import dev.inkstone.content.NavService;
import dev.inkstone.content.PageService;
import dev.inkstone.content.SiteService;
import dev.inkstone.http.Authenticator;
import dev.inkstone.http.EditController;
import dev.inkstone.http.ErrorMapping;
import dev.inkstone.http.FeedController;
import dev.inkstone.http.HistoryController;
import dev.inkstone.http.HealthController;
import dev.inkstone.http.JettyProblemErrorHandler;
import dev.inkstone.http.NavController;
import dev.inkstone.http.OpenApiController;
import dev.inkstone.http.PageController;
import dev.inkstone.http.ProblemsController;
import dev.inkstone.http.RawController;
import dev.inkstone.http.ReadRoutes;
import dev.inkstone.http.ResponseCache;
import dev.inkstone.http.SearchController;
import dev.inkstone.http.github.GitHubApi;
import dev.inkstone.search.SearchService;
import dev.inkstone.search.SearchSettings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** The one route table and error mapping; {@link Main} and the tests start exactly this. */
public final class App {

    private App() {
    }

    /** The parts the routes need; built by {@link Main} or a test. */
    public record Parts(ContentStore store, ContentWriter writer, MarkupEngine engine, UserStore users,
                        HistoryStore history, BooleanSupplier workingTreeDirty, SearchSettings search) {
    }

    public static Javalin create(Parts parts, HttpSettings settings) {
        return create(parts, settings, GitHubSettings.defaults());
    }

    public static Javalin create(Parts parts, HttpSettings settings, GitHubSettings github) {
        SiteService sites = new SiteService(parts.store(), parts.engine());
        CompletableFuture<Void> warm = sites.warmUp();
        PageService pages = new PageService(sites, parts.history());
        HistoryService historyService = new HistoryService(sites, parts.history(), parts.writer(), pages);
        ResponseCache cache = new ResponseCache();
        Authenticator auth = new Authenticator(parts.users(), settings.publicReads());
        PageController page = new PageController(sites, pages, cache);
        NavController nav = new NavController(sites, new NavService(sites), cache);
        RawController raw = new RawController(sites);
        ProblemsController problems = new ProblemsController(sites, pages, cache);
        HealthController health = new HealthController(sites, parts.workingTreeDirty());
        OpenApiController openApi = new OpenApiController();
        HistoryController history = new HistoryController(sites, historyService, auth, settings.pageBytes());
        FeedController feed = new FeedController(sites, historyService, settings.publicUrl());
        EditController edit = new EditController(new EditService(sites, pages, parts.writer()), auth,
                new EditController.Limits(settings.pageBytes(), settings.fileBytes()));
        SearchService searchService = new SearchService(sites, parts.search());
        parts.writer().onCommit(searchService::tipMoved);
        SearchController search = new SearchController(searchService);

        return Javalin.create(config -> {
            configureServer(config, settings);
            ErrorMapping.install(config);
            // The server opens once the tip's site is built, and the search and history indexes are built after it:
            // on two cores, building them at once delayed the first page by seconds, and every read needs the site.
            config.events.serverStarting(() -> {
                warm.join();
                searchService.start();
                parts.history().start();
            });
            config.events.serverStopped(searchService::close);
            if (!settings.publicReads()) {
                // Only installed when reading needs a token: public reads skip the per-request check entirely.
                config.routes.before("/api/*", ctx -> {
                    // The GitHub API under /api/v3 checks reads itself, to answer in GitHub's shape.
                    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
                    // Health stays open for load balancers and probes.
                    if (read && !GitHubApi.owns(ctx.path()) && !ctx.path().equals("/api/health")) {
                        auth.checkRead(ctx);
                    }
                });
            }
            // Javalin tries routes in the order they are added, a regex each: the hottest read goes first, and as a
            // wildcard, which spares extracting a path parameter (the path is decoded from the raw URI anyway).
            ReadRoutes.get(config, PageController.PREFIX + "/*", page::get);
            ReadRoutes.get(config, PageController.PREFIX, page::get);
            ReadRoutes.get(config, "/api/nav", nav::get);
            config.routes.put(PageController.PREFIX, edit::putPage);
            config.routes.put(PageController.PREFIX + "/<path>", edit::putPage);
            config.routes.delete(PageController.PREFIX + "/<path>", edit::deletePage);
            config.routes.post("/api/move", edit::move);
            config.routes.post("/api/commits", edit::commit);
            config.routes.post("/api/render", edit::render);
            ReadRoutes.get(config, RawController.SOURCE_PREFIX + "/<path>", raw::source);
            ReadRoutes.get(config, RawController.SOURCE_PREFIX, raw::source);
            ReadRoutes.get(config, RawController.FILES_PREFIX + "/<path>", raw::file);
            config.routes.post(RawController.FILES_PREFIX + "/<path>", edit::putFile);
            ReadRoutes.get(config, HistoryController.HISTORY_PREFIX, history::pageHistory);
            ReadRoutes.get(config, HistoryController.HISTORY_PREFIX + "/<path>", history::pageHistory);
            ReadRoutes.get(config, HistoryController.DIFF_PREFIX + "/<path>", history::diff);
            ReadRoutes.get(config, HistoryController.DIFF_PREFIX, history::diff);
            ReadRoutes.get(config, "/api/commits/{id}", history::commit);
            config.routes.post("/api/commits/{id}/revert", history::revert);
            config.routes.post("/api/restore", history::restore);
            ReadRoutes.get(config, "/api/changes", history::changes);
            ReadRoutes.get(config, "/feed.atom", feed::get);
            ReadRoutes.get(config, "/api/problems", problems::get);
            ReadRoutes.get(config, "/api/search", search::get);
            ReadRoutes.get(config, "/api/health", health::get);
            ReadRoutes.get(config, "/openapi.yaml", openApi::get);
            GitHubApi.register(config, sites, parts.writer(), auth, settings, github);
        });
    }

    private static void configureServer(JavalinConfig config, HttpSettings settings) {
        config.startup.showJavalinBanner = false;
        config.http.generateEtags = false;
        config.http.maxRequestSize = Math.max(settings.pageBytes(), settings.fileBytes());
        config.router.ignoreTrailingSlashes = true;
        config.jetty.modifyHttpConfiguration(http -> {
            // Raw UTF-8 and %2F in paths are legitimate here (page names, GitHub clients); invalid UTF-8 is not.
            http.setUriCompliance(UriCompliance.DEFAULT.with("inkstone",
                    UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS));
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler()));
        config.jetty.modifyServletContextHandler(App::configureContext);
        List<String> origins = settings.corsOrigins();
        if (!origins.isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                rule.exposeHeader("ETag");
                rule.exposeHeader("Location");
                rule.exposeHeader("Link");
                rule.maxAge = 600;
            }));
        }
    }

    private static void configureContext(ServletContextHandler context) {
        context.setErrorHandler(new JettyProblemErrorHandler());
        // The raw URI is decoded by RequestPaths, which validates what Jetty would otherwise refuse as ambiguous.
        context.getServletHandler().setDecodeAmbiguousURIs(true);
    }
}
