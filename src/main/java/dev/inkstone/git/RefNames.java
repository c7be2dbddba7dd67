package dev.inkstone.git;

import dev.inkstone.content.InvalidRefException;

import java.util.regex.Pattern;

/** Checks a client's {@code ref} before JGit sees it: plain names only, no revision expressions. */
final class RefNames {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._/\\-]{1,255}");
    static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{40}");
    static final Pattern ABBREVIATED_ID = Pattern.compile("[0-9a-f]{7,39}");

    private RefNames() {
    }

    static String validate(String ref) {
        if (ref.startsWith("-")) {
            throw new InvalidRefException("ref must not start with '-'");
        }
        if (ref.contains("..") || ref.contains("@{") || ref.contains("//") || ref.endsWith("/")
                || ref.endsWith(".lock") || ref.startsWith("/")) {
            throw new InvalidRefException("ref must be a commit id, branch or tag name, not a revision expression");
        }
        if (!ALLOWED.matcher(ref).matches()) {
            throw new InvalidRefException("ref may contain only letters, digits, '.', '_', '-' and '/'");
        }
        return ref;
    }
}
