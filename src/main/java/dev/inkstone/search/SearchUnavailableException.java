package dev.inkstone.search;

/** The index is not built yet (or is being rebuilt from nothing); ask again after {@code retryAfterSeconds}. */
public final class SearchUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    SearchUnavailableException(int retryAfterSeconds) {
        super("the search index is being built; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
