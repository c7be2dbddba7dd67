package dev.inkstone;

import dev.inkstone.content.ContentStore;
import dev.inkstone.content.MarkupEngine;
import dev.inkstone.content.NavService;
import dev.inkstone.content.PageService;
import dev.inkstone.content.SiteService;
import dev.inkstone.http.ErrorMapping;
import dev.inkstone.http.HealthController;
import dev.inkstone.http.JettyProblemErrorHandler;
import dev.inkstone.http.NavController;
import dev.inkstone.http.OpenApiController;
import dev.inkstone.http.PageController;
import dev.inkstone.http.ProblemsController;
import dev.inkstone.http.RawController;
import dev.inkstone.http.ResponseCache;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;

import java.util.List;

/** The one route table and error mapping; {@link Main} and the tests start exactly this. */
public final class App {

    private App() {
    }

    public static Javalin create(ContentStore store, MarkupEngine engine, List<String> corsOrigins) {
        SiteService sites = new SiteService(store, engine);
        PageService pages = new PageService(sites);
        ResponseCache cache = new ResponseCache();
        PageController page = new PageController(sites, pages, cache);
        NavController nav = new NavController(sites, new NavService(sites), cache);
        RawController raw = new RawController(sites);
        ProblemsController problems = new ProblemsController(sites, pages, cache);
        HealthController health = new HealthController(sites);
        OpenApiController openApi = new OpenApiController();

        return Javalin.create(config -> {
            configureServer(config, corsOrigins);
            ErrorMapping.install(config);
            config.routes.get("/api/nav", nav::get);
            config.routes.get(PageController.PREFIX, page::get);
            config.routes.get(PageController.PREFIX + "/<path>", page::get);
            config.routes.get(RawController.SOURCE_PREFIX + "/<path>", raw::source);
            config.routes.get(RawController.SOURCE_PREFIX, raw::source);
            config.routes.get(RawController.FILES_PREFIX + "/<path>", raw::file);
            config.routes.get("/api/problems", problems::get);
            config.routes.get("/api/health", health::get);
            config.routes.get("/openapi.yaml", openApi::get);
        });
    }

    private static void configureServer(JavalinConfig config, List<String> corsOrigins) {
        config.startup.showJavalinBanner = false;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = true;
        config.jetty.modifyHttpConfiguration(http -> {
            // Raw UTF-8 and %2F in paths are legitimate here (page names, GitHub clients); invalid UTF-8 is not.
            http.setUriCompliance(UriCompliance.DEFAULT.with("inkstone",
                    UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS));
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler()));
        config.jetty.modifyServletContextHandler(App::configureContext);
        if (!corsOrigins.isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.allowHost(corsOrigins.get(0), corsOrigins.subList(1, corsOrigins.size()).toArray(String[]::new));
                rule.exposeHeader("ETag");
                rule.exposeHeader("Location");
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
