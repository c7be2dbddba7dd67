package dev.inkstone.content;

/** One commit as a page sees it: which, when (RFC 3339 with the commit's own offset) and by whom. */
public record CommitRef(String commit, String date, Person author) {
}
