package dev.inkstone.content;

import java.util.List;

/**
 * Who made a file: the commit that created it (following renames) and everyone who changed it. {@code known} is
 * false when the store could not tell yet (its history index is still being built and a bounded walk did not reach
 * the file's creation): then both are empty and the answer must not be kept.
 */
public record Authorship(CommitRef created, List<Contributor> contributors, boolean known) {

    /** A file without history (or a generated page): nothing to tell, and that is final. */
    public static final Authorship NONE = new Authorship(null, List.of(), true);
    /** Not known yet. */
    public static final Authorship PENDING = new Authorship(null, List.of(), false);

    public Authorship(CommitRef created, List<Contributor> contributors) {
        this(created, contributors, true);
    }

    /** One contributor with the number of commits that changed the file. */
    public record Contributor(String name, String email, int commits) {
    }
}
