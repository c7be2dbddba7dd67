package dev.inkstone.content;

/** A change's guard does not hold; {@link #reason} says which way, so HTTP can pick 409, 412 or 428. */
public final class PreconditionException extends RuntimeException {

    public enum Reason {
        /** If-Match named another version: 412. */
        STRICT_MISMATCH,
        /** An existing file was written without saying which version it replaces: 428. */
        REQUIRED,
        /** The file was deleted or moved since the base: 409. */
        GONE,
        /** The target already exists: 409. */
        EXISTS,
        /** A section folder still holds pages: 409. */
        NOT_EMPTY,
        /** The base blob is not in the repository: 409. */
        UNKNOWN_BASE
    }

    private final Reason reason;
    private final String path;
    private final String currentSha;
    private final String location;

    public PreconditionException(Reason reason, String path, String currentSha, String location, String message) {
        super(message);
        this.reason = reason;
        this.path = path;
        this.currentSha = currentSha;
        this.location = location;
    }

    public Reason reason() {
        return reason;
    }

    public String path() {
        return path;
    }

    /** The blob id now at the path, or null. */
    public String currentSha() {
        return currentSha;
    }

    /** Where the file went, when it was moved. */
    public String location() {
        return location;
    }
}
