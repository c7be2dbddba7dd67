package dev.inkstone.config;

import java.util.regex.Pattern;

/** The owner and repository names GitHub clients address; any other names answer 404 as GitHub would. */
public record GitHubSettings(String owner, String repo) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public GitHubSettings {
        for (String name : new String[]{owner, repo}) {
            if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("GitHub owner and repository names are letters, digits, '.', '-'"
                        + " and '_', got " + name);
            }
        }
    }

    public static GitHubSettings defaults() {
        return new GitHubSettings("inkstone", "content");
    }
}
