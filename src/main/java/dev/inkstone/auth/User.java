package dev.inkstone.auth;

/** A user as stored: the token itself is never kept, only its SHA-256. */
public record User(String name, String email, String role, String tokenSha256) {

    public Role roleValue() {
        return Role.of(role);
    }
}
