package dev.inkstone.content;

import java.util.List;

/** Every content problem of one revision. */
public record ProblemReport(String revision, List<Problem> problems) {
}
