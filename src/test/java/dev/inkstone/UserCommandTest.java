package dev.inkstone;

import dev.inkstone.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens come from the CLI, alone on stdout, and a running service honours them (and their removal) at once. */
class UserCommandTest {

    @TempDir
    Path data;

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Main()).execute(args);
            assertThat(code).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int put(ServiceProcess service, String token, String page) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/pages/" + page))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"content\":\"# cli\\n\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void firstStartPrintsAnAdminTokenAndTheCliManagesUsersOfARunningService() throws Exception {
        Path log = data.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(data, log, List.of())) {
            String startup = Files.readString(log);
            String adminToken = startup.lines().filter(line -> line.startsWith("ink_")).findFirst().orElseThrow();
            String users = Files.readString(data.resolve("users.json"));
            assertThat(users).contains("\"admin\"").doesNotContain(adminToken);

            String stdout = run("user", "add", "Dora", "--email", "dora@example.com", "--role", "editor",
                    "--data", data.toString());
            String token = stdout.strip();
            assertThat(stdout).isEqualTo(token + System.lineSeparator());
            assertThat(token).startsWith("ink_").doesNotContain(" ");
            assertThat(put(service, token, "cli")).isEqualTo(201);

            assertThat(run("user", "list", "--data", data.toString())).contains("Dora\tdora@example.com\teditor");
            run("user", "remove", "Dora", "--data", data.toString());
            assertThat(put(service, token, "cli-again")).isEqualTo(401);
            assertThat(put(service, adminToken, "by-admin")).isEqualTo(201);
        }
    }
}
