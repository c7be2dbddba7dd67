package dev.inkstone.render;

/**
 * Where a line's trailing run of one thematic-break character ("-", "*" or "_", spaces allowed) begins.
 *
 * <p>Found once per line from the end, so asking "is the rest of the line a thematic break?" at every marker stays
 * linear; a regex here would recurse once per character and overflow on long lines, as flexmark's own does.
 */
record ThematicTail(char marker, int start) {

    private static final ThematicTail NONE = new ThematicTail('\0', Integer.MAX_VALUE);

    static ThematicTail of(String line) {
        int i = line.length() - 1;
        while (i >= 0 && NestingLimiter.isSpace(line.charAt(i))) {
            i--;
        }
        if (i < 0 || "-*_".indexOf(line.charAt(i)) < 0) {
            return NONE;
        }
        char marker = line.charAt(i);
        while (i >= 0 && (line.charAt(i) == marker || NestingLimiter.isSpace(line.charAt(i)))) {
            i--;
        }
        return new ThematicTail(marker, i + 1);
    }

    /** Whether the line from {@code pos} on is a thematic break: three or more markers and nothing but spaces. */
    boolean startsAt(String line, int pos) {
        return pos >= start && line.charAt(pos) == marker && markerEnd(line, pos, 3) > 0;
    }

    /** Index just after the {@code count}-th marker from {@code pos}, or -1 when there are fewer. */
    int markerEnd(String line, int pos, int count) {
        int seen = 0;
        for (int i = pos; i < line.length(); i++) {
            if (line.charAt(i) == marker && ++seen == count) {
                return i + 1;
            }
        }
        return -1;
    }
}
