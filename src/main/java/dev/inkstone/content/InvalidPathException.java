package dev.inkstone.content;

/** A path that must not reach Git: traversal, control characters, Git-internal names, too long. */
public final class InvalidPathException extends RuntimeException {
    public InvalidPathException(String message) {
        super(message);
    }
}
