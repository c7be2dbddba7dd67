package dev.inkstone.render;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark 0.64.8's inline parser with three of its worst cases closed.
 *
 * <ul>
 *   <li>Its regex helpers call {@code Matcher.toMatchResult()}, which copies the whole paragraph on every match, so a
 *       paragraph full of entities or tags parses in quadratic time; these overrides copy nothing. Java's regex engine
 *       also recurses per repetition, so a match that overflows the stack is treated as no match.</li>
 *   <li>Matching emphasis is quadratic in the number of "*", "_" or "~" runs; past a limit they stay literal.</li>
 *   <li>Inline nesting (emphasis in emphasis, links in images ...) deeper than a limit would overflow the stack in
 *       flexmark's recursive tree walks; such a paragraph is kept as plain text.</li>
 * </ul>
 */
final class BoundedInlineParser extends InlineParserImpl {

    static final int MAX_DELIMITERS = 2_000;
    static final int MAX_INLINE_DEPTH = 48;

    static final InlineParserFactory FACTORY = BoundedInlineParser::new;

    private BoundedInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                                Map<Character, DelimiterProcessor> delimiterProcessors,
                                LinkRefProcessorData linkRefProcessors,
                                List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public void parse(BasedSequence content, Node block) {
        super.parse(content, block);
        if (Nodes.depthBelow(block) > MAX_INLINE_DEPTH) {
            while (block.getFirstChild() != null) {
                block.getFirstChild().unlink();
            }
            block.appendChild(new Text(content.trim()));
            InlineIssues.report(document, "inline formatting nested too deeply; shown as plain text",
                    content.getStartOffset());
        }
    }

    @Override
    public void processDelimiters(Delimiter stackBottom) {
        int count = 0;
        for (Delimiter delimiter = lastDelimiter; delimiter != null && delimiter != stackBottom;
             delimiter = delimiter.getPrevious()) {
            if (++count > MAX_DELIMITERS) {
                while (lastDelimiter != null && lastDelimiter != stackBottom) {
                    removeDelimiterKeepNode(lastDelimiter);
                }
                InlineIssues.report(document, "too many emphasis markers in one paragraph; shown as typed",
                        input.getStartOffset());
                return;
            }
        }
        super.processDelimiters(stackBottom);
    }

    @Override
    public BasedSequence match(Pattern pattern) {
        Matcher matcher = find(pattern);
        if (matcher == null) {
            return null;
        }
        index = matcher.end();
        return input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern pattern) {
        Matcher matcher = find(pattern);
        if (matcher == null) {
            return null;
        }
        index = matcher.end();
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        for (int group = 0; group < groups.length; group++) {
            groups[group] = matcher.start(group) < 0 ? null
                    : input.subSequence(matcher.start(group), matcher.end(group));
        }
        return groups;
    }

    @Override
    public Matcher matcher(Pattern pattern) {
        Matcher matcher = find(pattern);
        if (matcher != null) {
            index = matcher.end();
        }
        return matcher;
    }

    /** The same search as flexmark's: from the current index to the end of the input. */
    private Matcher find(Pattern pattern) {
        if (index >= input.length()) {
            return null;
        }
        Matcher matcher = pattern.matcher(input);
        matcher.region(index, input.length());
        try {
            return matcher.find() ? matcher : null;
        } catch (StackOverflowError tooLong) {
            return null;
        }
    }
}
