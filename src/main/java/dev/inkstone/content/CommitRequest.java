package dev.inkstone.content;

import java.util.List;

/** Changes to commit together, all or nothing. {@code base} (optional) is the commit the editor started from. */
public record CommitRequest(List<Change> changes, String message, Person author, String base) {

    public CommitRequest {
        changes = List.copyOf(changes);
    }
}
