package dev.inkstone.render;

/**
 * Cuts block-quote and list nesting beyond {@link #MAX_DEPTH} levels, one line at a time.
 *
 * <p>flexmark walks its tree recursively, so "> > > ..." or "- - - ..." a hundred thousand levels deep overflows the
 * stack. Depth is estimated from the markers at the start of each line plus the list items still open from earlier
 * lines (by indentation). The estimate errs on the deep side only for odd layouts, and only matters past the limit.
 * Not thread-safe: one instance per document.
 */
final class NestingLimiter {

    static final int MAX_DEPTH = 32;

    /** Content columns of the list items that earlier lines opened, innermost last. */
    private final int[] openItems = new int[MAX_DEPTH];
    private int open;

    /** The line with its container markers past the limit dropped, and where its content starts. */
    record Limited(String line, int contentStart, boolean cut) {
    }

    Limited limit(String line) {
        ThematicTail tail = ThematicTail.of(line);
        int pos = 0;
        int column = 0;
        int depth = 0;
        int cutAt = -1;
        boolean firstListMarker = true;
        while (true) {
            int tokenStart = pos;
            while (pos < line.length() && isSpace(line.charAt(pos))) {
                column = line.charAt(pos) == '\t' ? column + 4 - column % 4 : column + 1;
                pos++;
            }
            if (pos >= line.length() || tail.startsAt(line, pos)) {
                break;
            }
            if (line.charAt(pos) == '>') {
                depth++;
                if (depth > MAX_DEPTH && cutAt < 0) {
                    cutAt = tokenStart;
                }
                pos++;
                column++;
                continue;
            }
            int markerEnd = listMarkerEnd(line, pos);
            if (markerEnd < 0) {
                break;
            }
            if (firstListMarker) {
                while (open > 0 && openItems[open - 1] > column) {
                    open--;
                }
                depth += open;
                firstListMarker = false;
            }
            depth++;
            int width = markerEnd - pos;
            if (depth > MAX_DEPTH) {
                if (cutAt < 0) {
                    cutAt = tokenStart;
                }
            } else if (open < MAX_DEPTH) {
                openItems[open++] = column + width + 1;
            }
            column += width;
            pos = markerEnd;
        }
        if (cutAt < 0) {
            return new Limited(line, pos, false);
        }
        String prefix = line.substring(0, cutAt);
        String content = line.substring(pos);
        return prefix.isEmpty()
                ? new Limited(content, 0, true)
                : new Limited(prefix + ' ' + content, prefix.length() + 1, true);
    }

    /** Index just after a list marker ("-", "+", "*", "1." or "1)") followed by a space or the line end, or -1. */
    static int listMarkerEnd(String line, int pos) {
        char c = line.charAt(pos);
        int end;
        if (c == '-' || c == '+' || c == '*') {
            end = pos + 1;
        } else {
            end = pos;
            while (end < line.length() && end - pos < 9 && Character.isDigit(line.charAt(end))
                    && line.charAt(end) < 128) {
                end++;
            }
            if (end == pos || end >= line.length() || line.charAt(end) != '.' && line.charAt(end) != ')') {
                return -1;
            }
            end++;
        }
        return end == line.length() || isSpace(line.charAt(end)) ? end : -1;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
