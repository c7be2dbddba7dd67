package dev.inkstone.content;

/** A client's {@code since} commit is not an ancestor of the tip: history was rewritten; start over. */
public final class HistoryRewrittenException extends RuntimeException {

    public HistoryRewrittenException(String since, String tip) {
        super(since + " is not an ancestor of the branch tip " + tip + "; history was rewritten, start from the tip");
    }
}
