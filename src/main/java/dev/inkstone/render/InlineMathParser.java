package dev.inkstone.render;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Arrays;
import java.util.Set;

/**
 * Recognises "$…$" and "$$…$$" in paragraphs before Markdown can read emphasis or escapes into the TeX.
 *
 * <p>Pandoc's rules keep prices from turning into math: the opening "$" must be followed by a non-space, the closing
 * one preceded by a non-space and not followed by a digit, and a backslash-escaped "$" never closes. Closing
 * positions are found once per paragraph, so many unmatched dollars cost linear time, not quadratic.
 */
final class InlineMathParser implements InlineParserExtension {

    private BasedSequence indexed;
    private int[] singleClosers;
    private int[] doubleClosers;

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int open = parser.getIndex();
        if (input != indexed) {
            index(input);
        }
        boolean display = open + 1 < input.length() && input.charAt(open + 1) == '$';
        int end = display ? displayEnd(input, open) : inlineEnd(input, open);
        if (end < 0) {
            return false;
        }
        parser.flushTextNode();
        parser.getBlock().appendChild(new InlineMath(input.subSequence(open, end), display));
        parser.setIndex(end);
        return true;
    }

    private int inlineEnd(BasedSequence input, int open) {
        if (open + 1 >= input.length() || Character.isWhitespace(input.charAt(open + 1))) {
            return -1;
        }
        int closer = firstAtOrAfter(singleClosers, open + 2);
        return closer < 0 ? -1 : closer + 1;
    }

    private int displayEnd(BasedSequence input, int open) {
        int closer = firstAtOrAfter(doubleClosers, open + 2);
        if (closer < 0 || input.subSequence(open + 2, closer).isBlank()) {
            return -1;
        }
        return closer + 2;
    }

    /** Finds every place a "$" or "$$" could close math, skipping code spans, whose dollars stay code. */
    private void index(BasedSequence input) {
        CodeSpans codeSpans = CodeSpans.of(input);
        int[] singles = new int[8];
        int[] doubles = new int[8];
        int singleCount = 0;
        int doubleCount = 0;
        int backslashes = 0;
        int length = input.length();
        for (int i = 0; i < length; i++) {
            char c = input.charAt(i);
            if (c == '`' && backslashes % 2 == 0) {
                int spanEnd = codeSpans.endOfSpanAt(i);
                if (spanEnd > i) {
                    i = spanEnd - 1;
                    backslashes = 0;
                    continue;
                }
            }
            if (c == '$' && backslashes % 2 == 0) {
                boolean pairStart = i + 1 < length && input.charAt(i + 1) == '$';
                if (pairStart) {
                    doubles = append(doubles, doubleCount++, i);
                    i++;
                    backslashes = 0;
                    continue;
                }
                if (isSingleCloser(input, i)) {
                    singles = append(singles, singleCount++, i);
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        singleClosers = Arrays.copyOf(singles, singleCount);
        doubleClosers = Arrays.copyOf(doubles, doubleCount);
        indexed = input;
    }

    private static boolean isSingleCloser(BasedSequence input, int at) {
        char before = at > 0 ? input.charAt(at - 1) : ' ';
        char after = at + 1 < input.length() ? input.charAt(at + 1) : ' ';
        return !Character.isWhitespace(before) && before != '$' && !Character.isDigit(after);
    }

    private static int[] append(int[] values, int count, int value) {
        int[] target = count == values.length ? Arrays.copyOf(values, count * 2) : values;
        target[count] = value;
        return target;
    }

    private static int firstAtOrAfter(int[] sorted, int from) {
        int found = Arrays.binarySearch(sorted, from);
        int at = found >= 0 ? found : -found - 1;
        return at < sorted.length ? sorted[at] : -1;
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    static final class Factory implements InlineParserExtensionFactory {

        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new InlineMathParser();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
