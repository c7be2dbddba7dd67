package dev.inkstone.content;

/** Content that cannot be stored as asked: not UTF-8, not text, front matter that does not parse. */
public final class UnprocessableContentException extends RuntimeException {

    private final Integer line;
    private final Integer column;

    public UnprocessableContentException(String message, Integer line, Integer column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public UnprocessableContentException(String message) {
        this(message, null, null);
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
