package dev.inkstone.content;

import java.util.List;

/** A commit with the files it changed (against its first parent), renames detected. */
public record CommitSummary(String commit, String message, Person author, String date, List<String> parents,
                            List<ChangedFile> files) {
}
