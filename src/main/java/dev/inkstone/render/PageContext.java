package dev.inkstone.render;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.Map;

/**
 * What one render needs at HTML time: the heading ids and the link rewriter. It travels inside the document, because
 * the shared, thread-safe {@code HtmlRenderer} has no other per-call state.
 */
record PageContext(Map<Node, String> headingIds, LinkRewriter rewriter) {

    private static final NullableDataKey<PageContext> KEY = new NullableDataKey<>("INKSTONE_PAGE_CONTEXT");

    void attachTo(Document document) {
        document.set(KEY, this);
    }

    static PageContext of(Document document) {
        return KEY.get(document);
    }
}
