package dev.inkstone.render;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses display math: a "$$" line, TeX lines, and a line ending in "$$"; or "$$…$$" alone on one line.
 * Like a fenced code block, the TeX inside is never read as Markdown.
 */
final class DisplayMathParser extends AbstractBlockParser {

    private static final String DELIMITER = "$$";

    private final DisplayMath block = new DisplayMath();
    private final List<String> lines = new ArrayList<>();
    private final int startOffset;
    private final String singleLineTex;
    private int endOffset;
    private boolean openingLineSeen;
    private String closingPrefix;

    private DisplayMathParser(int startOffset, int endOffset, String singleLineTex) {
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.singleLineTex = singleLineTex;
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (singleLineTex != null) {
            return BlockContinue.none();
        }
        BasedSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEnd();
        if (state.getIndent() < 4 && rest.endsWith(DELIMITER)) {
            closingPrefix = rest.subSequence(0, rest.length() - DELIMITER.length()).toString();
            endOffset = rest.getEndOffset();
            return BlockContinue.finished();
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        // The first call brings what follows the opening "$$": blank, or the rest of a one-line block.
        if (!openingLineSeen || singleLineTex != null) {
            openingLineSeen = true;
            return;
        }
        BasedSequence content = line.trimEOL();
        lines.add(content.toString());
        endOffset = Math.max(endOffset, content.getEndOffset());
    }

    @Override
    public void closeBlock(ParserState state) {
        if (singleLineTex != null) {
            block.setTex(DELIMITER + singleLineTex + DELIMITER);
        } else {
            if (closingPrefix == null) {
                InlineIssues.report(block.getDocument(), "display math is never closed with \"$$\"", startOffset);
                closingPrefix = "";
            }
            StringBuilder tex = new StringBuilder(DELIMITER);
            for (String line : lines) {
                tex.append('\n').append(line);
            }
            block.setTex(tex.append('\n').append(closingPrefix).append(DELIMITER).toString());
        }
        block.setChars(state.getLine().baseSubSequence(startOffset, Math.max(startOffset, endOffset)));
    }

    static final class Factory implements CustomBlockParserFactory {

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new StartFactory(options);
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

    private static final class StartFactory extends AbstractBlockParserFactory {

        StartFactory(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            BasedSequence rest = line.subSequence(start).trimEnd();
            if (!rest.startsWith(DELIMITER)) {
                return BlockStart.none();
            }
            BasedSequence inner = rest.subSequence(DELIMITER.length());
            if (inner.isBlank()) {
                DisplayMathParser parser = new DisplayMathParser(rest.getStartOffset(), rest.getEndOffset(), null);
                return BlockStart.of(parser).atIndex(start + DELIMITER.length());
            }
            BasedSequence tex = inner.endsWith(DELIMITER)
                    ? inner.subSequence(0, inner.length() - DELIMITER.length()) : null;
            if (tex == null || tex.isBlank() || tex.indexOf(DELIMITER) >= 0) {
                return BlockStart.none();
            }
            DisplayMathParser parser = new DisplayMathParser(rest.getStartOffset(), rest.getEndOffset(),
                    tex.toString());
            return BlockStart.of(parser).atIndex(line.length());
        }
    }
}
