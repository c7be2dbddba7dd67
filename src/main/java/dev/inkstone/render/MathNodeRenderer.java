package dev.inkstone.render;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import java.util.Set;

/** Writes math as escaped TeX in the elements KaTeX's auto-render looks for. */
final class MathNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(InlineMath.class, this::renderInline),
                new NodeRenderingHandler<>(DisplayMath.class, this::renderDisplay));
    }

    private void renderInline(InlineMath node, NodeRendererContext context, HtmlWriter html) {
        html.attr("class", node.isDisplay() ? "math math-display" : "math math-inline").withAttr().tag("span");
        html.text(node.getChars());
        html.tag("/span");
    }

    private void renderDisplay(DisplayMath node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        html.attr("class", "math math-display").withAttr().tag("div");
        html.text(node.tex());
        html.tag("/div");
        html.line();
    }
}
