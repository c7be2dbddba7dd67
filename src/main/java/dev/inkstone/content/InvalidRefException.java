package dev.inkstone.content;

/** A `ref` that is a revision expression or otherwise not a plain commit id, branch or tag name. */
public final class InvalidRefException extends RuntimeException {
    public InvalidRefException(String message) {
        super(message);
    }
}
