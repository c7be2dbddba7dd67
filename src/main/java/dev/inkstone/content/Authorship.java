package dev.inkstone.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who made a file: the commit that created it (following renames) and everyone who changed it. */
public record Authorship(CommitRef created, List<Contributor> contributors) {

    /** A file without history (or a generated page): nothing to tell. */
    public static final Authorship NONE = new Authorship(null, List.of());

    /**
     * From each author's number of commits, in the order the authors were first met walking back from the newest
     * change: contributors with most commits first, ties in that order.
     */
    public static Authorship of(CommitRef created, Map<Person, Integer> commitsByAuthor) {
        List<Contributor> contributors = new ArrayList<>(commitsByAuthor.size());
        commitsByAuthor.forEach((person, commits) -> contributors.add(
                new Contributor(person.name(), person.email(), commits)));
        contributors.sort((a, b) -> Integer.compare(b.commits(), a.commits())); // stable
        return new Authorship(created, contributors);
    }

    /** One contributor with the number of commits that changed the file. */
    public record Contributor(String name, String email, int commits) {
    }
}
