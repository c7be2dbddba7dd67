package dev.inkstone.content;

import java.util.List;

/** Who made a file: the commit that created it (following renames) and everyone who changed it. */
public record Authorship(CommitRef created, List<Contributor> contributors) {

    /** A file without history (or a generated page): nothing to tell. */
    public static final Authorship NONE = new Authorship(null, List.of());

    /** One contributor with the number of commits that changed the file. */
    public record Contributor(String name, String email, int commits) {
    }
}
