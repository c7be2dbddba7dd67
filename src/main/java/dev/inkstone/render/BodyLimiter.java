package dev.inkstone.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds a Markdown body before flexmark sees it, so hostile or broken input cannot hang a render or overflow the
 * stack: total size, line length, nesting depth, long runs of thematic-break characters and paragraph size.
 *
 * <p>Every change keeps the body's lines where they were, except the blank lines added to split huge paragraphs,
 * which {@link SourceLines} accounts for.
 */
final class BodyLimiter {

    static final int MAX_BODY_CHARS = 2 * 1024 * 1024;
    static final int MAX_LINE_CHARS = 100_000;
    /** Inline parsing in flexmark is quadratic in places, so no paragraph may grow past this. */
    static final int MAX_PARAGRAPH_CHARS = 64 * 1024;
    /** flexmark matches thematic breaks with a regex that recurses once per character. */
    static final int MAX_MARKER_RUN = 64;

    record LimitedBody(String text, SourceLines lines, List<String> warnings) {
    }

    private BodyLimiter() {
    }

    static LimitedBody limit(String body, int bodyStartLine) {
        List<String> warnings = new ArrayList<>();
        // flexmark ends lines at a lone CR too; counting lines the same way keeps reported lines right.
        String text = body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n").replace('\r', '\n');
        if (text.length() > MAX_BODY_CHARS) {
            int cut = text.lastIndexOf('\n', MAX_BODY_CHARS);
            text = text.substring(0, cut > 0 ? cut : safeCut(text, MAX_BODY_CHARS));
            warnings.add("document is larger than 2 MiB; truncated after line "
                    + (bodyStartLine + countLines(text) - 1));
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        List<Integer> inserted = new ArrayList<>();
        NestingLimiter nesting = new NestingLimiter();
        Warnings longLines = new Warnings("line %d is longer than " + MAX_LINE_CHARS + " characters; truncated");
        Warnings deep = new Warnings("nesting too deep, cut at line %d");
        Warnings split = new Warnings("paragraph longer than " + MAX_PARAGRAPH_CHARS
                + " characters, split at line %d");
        int paragraph = 0;
        int outLine = 0;
        int start = 0;
        for (int index = 0; start <= text.length(); index++) {
            int end = text.indexOf('\n', start);
            boolean last = end < 0;
            String line = text.substring(start, last ? text.length() : end);
            int fileLine = bodyStartLine + index;
            if (line.length() > MAX_LINE_CHARS) {
                line = line.substring(0, safeCut(line, MAX_LINE_CHARS));
                longLines.add(fileLine);
            }
            NestingLimiter.Limited limited = nesting.limit(line);
            if (limited.cut()) {
                deep.add(fileLine);
            }
            line = shortenMarkerRun(limited.line(), limited.contentStart());
            if (line.isBlank()) {
                paragraph = 0;
            } else {
                if (paragraph > 0 && paragraph + line.length() > MAX_PARAGRAPH_CHARS) {
                    out.append('\n');
                    inserted.add(outLine++);
                    split.add(fileLine);
                    paragraph = 0;
                }
                paragraph += line.length() + 1;
            }
            out.append(line);
            if (last) {
                break;
            }
            out.append('\n');
            outLine++;
            start = end + 1;
        }
        longLines.addTo(warnings);
        deep.addTo(warnings);
        split.addTo(warnings);
        String limited = out.toString();
        int[] insertedLines = inserted.stream().mapToInt(Integer::intValue).toArray();
        return new LimitedBody(limited, new SourceLines(limited, insertedLines, bodyStartLine), warnings);
    }

    /**
     * Keeps a long thematic break to its first three markers, and escapes a long run of "-", "*" or "_" that starts
     * a line without being one; either way the rendering is unchanged.
     */
    private static String shortenMarkerRun(String line, int from) {
        if (from >= line.length() || "-*_".indexOf(line.charAt(from)) < 0
                || line.length() - from <= MAX_MARKER_RUN) {
            return line;
        }
        ThematicTail tail = ThematicTail.of(line);
        if (tail.startsAt(line, from)) {
            return line.substring(0, tail.markerEnd(line, from, 3));
        }
        char marker = line.charAt(from);
        int run = from;
        while (run < line.length() && (line.charAt(run) == marker || NestingLimiter.isSpace(line.charAt(run)))) {
            run++;
        }
        if (run - from <= MAX_MARKER_RUN) {
            return line;
        }
        return line.substring(0, from) + '\\' + line.substring(from);
    }

    /** A cut position that does not split a surrogate pair. */
    private static int safeCut(String text, int at) {
        return Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
    }

    private static int countLines(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** One warning per kind of problem, naming the first line and how many more there were. */
    private static final class Warnings {

        private final String format;
        private int first;
        private int count;

        Warnings(String format) {
            this.format = format;
        }

        void add(int line) {
            if (count++ == 0) {
                first = line;
            }
        }

        void addTo(List<String> warnings) {
            if (count > 0) {
                String more = count > 1 ? " (and " + (count - 1) + " more)" : "";
                warnings.add(String.format(format, first) + more);
            }
        }
    }
}
