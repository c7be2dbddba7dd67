package dev.inkstone.content;

/** Parses and renders Markdown sources; implemented by {@code dev.inkstone.render}. Never throws on bad content. */
public interface MarkupEngine {

    /** Splits front matter from the body and finds the first heading; problems are reported, not thrown. */
    PageHeader readHeader(String sourcePath, String text);

    /** Renders a header's body to sanitized HTML; {@code sourcePath} anchors relative links. */
    RenderedBody render(PageHeader header, String sourcePath);
}
