package dev.inkstone.render;

/** Front matter that cannot be used: YAML that does not parse, is not a mapping, or is too large. */
public final class FrontMatterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** Line and column are 1-based positions in the whole file. */
    public FrontMatterException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
