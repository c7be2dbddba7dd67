package dev.inkstone.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes passages as HTML: the text escaped, each match in {@code <mark>}. Overlapping and touching matches
 * become one mark (CJK bigrams overlap: 注意 + 意力 is <mark>注意力</mark>). A long passage is cut to a window
 * around its first match; an ellipsis shows where the text goes on.
 */
final class SnippetFormatter extends PassageFormatter {

    /** Snippet length in columns: a CJK character takes two, so about 80 of them or 160 Latin letters. */
    static final int MAX_WIDTH = 160;
    private static final int LEAD_WIDTH = 50;
    private static final String ELLIPSIS = "…";

    /** The snippets of one field of one document, and whether any of them shows a match. */
    record Snippets(List<String> texts, boolean marked) {
    }

    @Override
    public Snippets format(Passage[] passages, String content) {
        List<String> texts = new ArrayList<>();
        boolean marked = false;
        for (Passage passage : passages) {
            String text = format(passage, content);
            if (!text.isEmpty()) {
                texts.add(text);
                marked |= passage.getNumMatches() > 0;
            }
        }
        return new Snippets(List.copyOf(texts), marked);
    }

    private static String format(Passage passage, String content) {
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        int count = passage.getNumMatches();
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        if (width(content, start, end) > MAX_WIDTH) {
            int from = count > 0 ? Math.max(starts[0], start) : start;
            for (int lead = 0; from > start && lead + width(content.charAt(from - 1)) <= LEAD_WIDTH; from--) {
                lead += width(content.charAt(from - 1));
            }
            int to = from;
            for (int used = 0; to < end && used + width(content.charAt(to)) <= MAX_WIDTH; to++) {
                used += width(content.charAt(to));
            }
            start = from;
            end = to;
        }
        while (start < end && (blank(content.charAt(start)) || Character.isLowSurrogate(content.charAt(start)))) {
            start++;
        }
        while (end > start && (blank(content.charAt(end - 1)) || Character.isHighSurrogate(content.charAt(end - 1)))) {
            end--;
        }
        if (start == end) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        if (start > 0) {
            html.append(ELLIPSIS).append(' ');
        }
        int at = start;
        for (int i = 0; i < count && starts[i] < end; i++) {
            int markStart = Math.max(starts[i], at);
            int markEnd = Math.min(ends[i], end);
            while (i + 1 < count && starts[i + 1] <= markEnd && starts[i + 1] < end) {
                markEnd = Math.max(markEnd, Math.min(ends[++i], end));
            }
            if (markEnd <= markStart) {
                continue;
            }
            escape(html, content, at, markStart);
            html.append("<mark>");
            escape(html, content, markStart, markEnd);
            html.append("</mark>");
            at = markEnd;
        }
        escape(html, content, at, end);
        if (end < content.length()) {
            html.append(' ').append(ELLIPSIS);
        }
        return html.toString();
    }

    private static int width(String content, int from, int to) {
        int width = 0;
        for (int i = from; i < to && width <= MAX_WIDTH; i++) {
            width += width(content.charAt(i));
        }
        return width;
    }

    /** CJK ideographs, kana, hangul and full-width forms all sit at or above U+2E80 and take two columns. */
    private static int width(char c) {
        return c >= '\u2E80' ? 2 : 1;
    }

    /** Whitespace, and the separator the highlighter puts between the values of a multi-valued field. */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u2029';
    }

    private static void escape(StringBuilder html, String content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\u2029' -> html.append(' ');
                default -> html.append(c);
            }
        }
    }
}
