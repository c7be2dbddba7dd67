package dev.inkstone.content;

import java.util.List;

/** A revert that does not apply cleanly on the current tip; the paths say where. */
public final class RevertConflictException extends RuntimeException {

    private final List<String> paths;

    public RevertConflictException(String commit, List<String> paths) {
        super("reverting " + commit + " conflicts with later changes to " + String.join(", ", paths));
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }
}
