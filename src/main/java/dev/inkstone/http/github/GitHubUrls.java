package dev.inkstone.http.github;

import dev.inkstone.config.GitHubSettings;
import dev.inkstone.http.RequestPaths;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute URLs GitHub objects carry. They start with {@code --public-url} (else the request's scheme and Host);
 * API links keep the mount the request came through, so a client on {@code /api/v3} stays there.
 */
record GitHubUrls(String site, String api, String repository) {

    static GitHubUrls of(Context ctx, GitHubSettings settings, String publicUrl, String mount) {
        String site = publicUrl;
        if (site == null) {
            String host = ctx.host();
            site = ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
        }
        String api = site + mount;
        return new GitHubUrls(site, api, api + "/repos/" + settings.owner() + "/" + settings.repo());
    }

    String contents(String path, String ref) {
        return repository + "/contents/" + RequestPaths.encode(path) + "?ref=" + query(ref);
    }

    String blob(String sha) {
        return repository + "/git/blobs/" + sha;
    }

    String tree(String sha) {
        return repository + "/git/trees/" + sha;
    }

    String gitCommit(String sha) {
        return repository + "/git/commits/" + sha;
    }

    String commit(String sha) {
        return repository + "/commits/" + sha;
    }

    /** The file's bytes from the native API; pinned to {@code ref} when the client named one. */
    String download(String path, String ref) {
        return site + "/api/files/" + RequestPaths.encode(path) + (ref == null ? "" : "?ref=" + query(ref));
    }

    /** The rendered page from the native API. */
    String page(String pagePath) {
        return site + "/api/pages" + (pagePath.isEmpty() ? "" : "/" + RequestPaths.encode(pagePath));
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
