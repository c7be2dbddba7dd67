package dev.inkstone.render;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A "$$" … "$$" block of TeX, kept as written for the client-side renderer. */
final class DisplayMath extends Block {

    private String tex = "";

    /** The TeX with its "$$" delimiters, lines joined by LF. */
    String tex() {
        return tex;
    }

    void setTex(String tex) {
        this.tex = tex;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
