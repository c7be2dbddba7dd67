package dev.inkstone.content;

/**
 * History cannot tell yet: its index is still being built after a start and answering by a walk would take too long.
 * Readers serve what they have and say so, and do not keep that answer.
 */
public final class HistoryPendingException extends RuntimeException {

    public HistoryPendingException(String path) {
        super("the history of '" + path + "' is not known until the history index is ready", null, false, false);
    }
}
