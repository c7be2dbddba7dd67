package dev.inkstone.render;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The code spans of a paragraph: a run of backticks pairs with the next run of the same length. Built in linear
 * time, so a paragraph full of unmatched backticks stays cheap.
 */
final class CodeSpans {

    private final int[] runStarts;
    private final int[] spanEnds;

    private CodeSpans(int[] runStarts, int[] spanEnds) {
        this.runStarts = runStarts;
        this.spanEnds = spanEnds;
    }

    static CodeSpans of(CharSequence text) {
        int[] starts = new int[8];
        int[] lengths = new int[8];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) == '`') {
                end++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            starts[count] = i;
            lengths[count++] = end - i;
            i = end;
        }
        int[] spanEnds = new int[count];
        Map<Integer, Integer> nextRunOfLength = new HashMap<>();
        for (int run = count - 1; run >= 0; run--) {
            Integer partner = nextRunOfLength.put(lengths[run], run);
            spanEnds[run] = partner == null ? -1 : starts[partner] + lengths[partner];
        }
        return new CodeSpans(Arrays.copyOf(starts, count), spanEnds);
    }

    /** The end of the code span whose opening backticks start at {@code index}, or -1 when they open none. */
    int endOfSpanAt(int index) {
        int run = Arrays.binarySearch(runStarts, index);
        return run >= 0 ? spanEnds[run] : -1;
    }
}
