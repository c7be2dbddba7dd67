package dev.inkstone.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How the service is started: where it listens, where its data lives, which clone and branch it serves
 * ({@code repo} null means the embedded sample repository in the data folder) and which origins may call it.
 */
public record ServerConfig(int port, Path data, Path repo, String branch, List<String> corsOrigins) {

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (data == null) {
            throw new IllegalArgumentException("a data folder is required");
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("CORS origin must look like https://host[:port], got " + origin);
            }
        }
    }
}
