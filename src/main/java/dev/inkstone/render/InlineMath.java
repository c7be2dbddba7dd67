package dev.inkstone.render;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.builder.ISequenceBuilder;

/** TeX inside a paragraph, "$…$" or "$$…$$", kept with its dollar signs for the client-side renderer. */
final class InlineMath extends Node implements TextContainer {

    private final boolean display;

    InlineMath(BasedSequence chars, boolean display) {
        super(chars);
        this.display = display;
    }

    boolean isDisplay() {
        return display;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }

    /** Headings that contain math keep the TeX in their plain text. */
    @Override
    public boolean collectText(ISequenceBuilder<? extends ISequenceBuilder<?, BasedSequence>, BasedSequence> out,
                               int flags, NodeVisitor nodeVisitor) {
        out.append(getChars());
        return false;
    }
}
