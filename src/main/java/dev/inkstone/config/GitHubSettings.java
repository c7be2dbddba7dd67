package dev.inkstone.config;

import java.util.regex.Pattern;

/**
 * The GitHub-compatible API's names: the {@code owner}/{@code repo} clients address, and the public base URL its
 * absolute links start with ({@code null}: the scheme and Host of each request).
 */
public record GitHubSettings(String owner, String repo, String publicUrl) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern URL = Pattern.compile("https?://[^/\\s?#]+(/[^\\s?#]*)?");

    public GitHubSettings {
        for (String name : new String[]{owner, repo}) {
            if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("GitHub owner and repository names are letters, digits, '.', '-'"
                        + " and '_', got " + name);
            }
        }
        if (publicUrl != null && publicUrl.isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null) {
            if (!URL.matcher(publicUrl).matches()) {
                throw new IllegalArgumentException("the public URL must look like https://host[:port][/path], got "
                        + publicUrl);
            }
            while (publicUrl.endsWith("/")) {
                publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
            }
        }
    }

    public static GitHubSettings defaults() {
        return new GitHubSettings("inkstone", "content", null);
    }
}
