package dev.inkstone.content;

import java.util.List;

/** A commit as write answers describe it. */
public record CommitInfo(String sha, String message, List<String> parents, Signature author, Signature committer) {

    /** An identity with the date it signed, RFC 3339 with its own offset. */
    public record Signature(String name, String email, String date) {
    }
}
