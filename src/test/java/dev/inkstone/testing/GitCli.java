package dev.inkstone.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code git} command line as an outside witness, with no user or system configuration. */
public final class GitCli {

    private GitCli() {
    }

    public static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("HOME", dir.toString());
        env.put("GIT_AUTHOR_NAME", "Carol Cli");
        env.put("GIT_AUTHOR_EMAIL", "carol@example.com");
        env.put("GIT_COMMITTER_NAME", "Carol Cli");
        env.put("GIT_COMMITTER_EMAIL", "carol@example.com");
        env.put("GIT_AUTHOR_DATE", "2025-06-01T12:00:00+02:00");
        env.put("GIT_COMMITTER_DATE", "2025-06-01T12:00:00+02:00");
        env.put("LC_ALL", "C");
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + args[0] + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
