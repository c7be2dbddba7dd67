package dev.inkstone.content;

import java.util.List;

/** One page of {@code git log}, newest first; {@code more} says whether older commits follow. */
public record CommitLogPage(List<Entry> commits, boolean more) {

    public CommitLogPage {
        commits = List.copyOf(commits);
    }

    /** A commit with the id of its tree. */
    public record Entry(CommitInfo commit, String tree) {
    }
}
