package dev.inkstone.render;

import java.util.Arrays;

/** Maps offsets in the text handed to flexmark back to 1-based lines of the whole source file. */
final class SourceLines {

    private final int[] lineStarts;
    private final int[] insertedLines;
    private final int bodyStartLine;

    /**
     * @param text          the text flexmark parses
     * @param insertedLines 0-based lines of {@code text} that the limiter added, ascending
     * @param bodyStartLine 1-based file line of the body's first line
     */
    SourceLines(String text, int[] insertedLines, int bodyStartLine) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
        this.insertedLines = insertedLines.clone();
        this.bodyStartLine = bodyStartLine;
    }

    int fileLine(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int textLine = found >= 0 ? found : -found - 2;
        int inserted = Arrays.binarySearch(insertedLines, textLine);
        int insertedBefore = inserted >= 0 ? inserted : -inserted - 1;
        return bodyStartLine + textLine - insertedBefore;
    }
}
