package dev.inkstone.http.github;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** GitHub's user and repository objects, reduced to what clients read. */
final class AccountObjects {

    private AccountObjects() {
    }

    record User(String login, long id, String type, @JsonProperty("site_admin") boolean siteAdmin, String name,
                String email) {
    }

    record Owner(String login, long id, String type) {
    }

    /** What the caller's token may do; only present for an authenticated caller, as on GitHub. */
    record Permissions(boolean admin, boolean maintain, boolean push, boolean triage, boolean pull) {
    }

    record Repository(long id, String name, @JsonProperty("full_name") String fullName, Owner owner,
                      @JsonProperty("private") boolean isPrivate, String visibility,
                      @JsonProperty("html_url") String htmlUrl, String description, boolean fork, String url,
                      @JsonProperty("default_branch") String defaultBranch,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Permissions permissions) {
    }

    /** GitHub ids are numbers; these are stable positive ones derived from the name, never 0. */
    static long id(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long id = ((hash[0] & 0x7fL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
