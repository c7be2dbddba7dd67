package dev.inkstone.render;

import dev.inkstone.content.MarkupEngine;
import dev.inkstone.content.PageHeader;
import dev.inkstone.content.RenderedBody;

/** Adapter from the render package to the domain's {@link MarkupEngine}; wired once the renderer lands. */
public final class FlexmarkEngine implements MarkupEngine {

    @Override
    public PageHeader readHeader(String sourcePath, String text) {
        throw new UnsupportedOperationException("renderer not wired yet");
    }

    @Override
    public RenderedBody render(PageHeader header, String sourcePath) {
        throw new UnsupportedOperationException("renderer not wired yet");
    }
}
