package dev.inkstone.testing;

import dev.inkstone.App;
import dev.inkstone.git.GitContentStore;
import dev.inkstone.render.FlexmarkEngine;
import io.javalin.Javalin;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.eclipse.jgit.lib.Repository;

import java.util.List;

/**
 * The real application on a random port over a real repository. Every response a test receives through
 * {@link #spec()} is validated against openapi.yaml.
 */
public final class TestServer implements AutoCloseable {

    private final Javalin app;

    private TestServer(Javalin app) {
        this.app = app;
    }

    public static TestServer start(Repository repository, String branch, List<String> corsOrigins) {
        Javalin app = App.create(new GitContentStore(repository, branch), new FlexmarkEngine(), corsOrigins);
        app.start("127.0.0.1", 0);
        return new TestServer(app);
    }

    public static TestServer start(TestRepo repo) {
        return start(repo.repository(), "main", List.of());
    }

    public int port() {
        return app.port();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests with the contract check; paths are sent exactly as written (no re-encoding). */
    public RequestSpecification spec() {
        return new RequestSpecBuilder()
                .setBaseUri(baseUri())
                .setUrlEncodingEnabled(false)
                .setConfig(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8")))
                .addFilter(new Contract())
                .build();
    }

    @Override
    public void close() {
        app.stop();
    }
}
