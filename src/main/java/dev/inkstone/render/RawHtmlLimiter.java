package dev.inkstone.render;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Caps how much raw HTML a page may carry into the sanitizer: jsoup's tree builder is quadratic for some tag soups
 * (thousands of nested tables), so raw HTML past the limit is shown as text instead.
 */
final class RawHtmlLimiter {

    static final int MAX_RAW_TAGS = 20_000;

    private RawHtmlLimiter() {
    }

    /**
     * What {@link #limit} did: whether the Markdown had raw HTML (even if all of it was turned into text), and the
     * offset of the first node turned into text (-1 for none).
     */
    record Limited(boolean rawHtml, int firstEscaped) {
    }

    /** Turns the raw HTML past the limit into text. */
    static Limited limit(Document document) {
        List<Node> raw = new ArrayList<>();
        Nodes.forEachDescendant(document, node -> {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                raw.add(node);
            }
        });
        int tags = 0;
        int firstEscaped = -1;
        for (Node node : raw) {
            tags += count(node.getChars(), '<');
            if (tags > MAX_RAW_TAGS) {
                if (firstEscaped < 0) {
                    firstEscaped = node.getStartOffset();
                }
                node.insertBefore(new Text(node.getChars()));
                node.unlink();
            }
        }
        return new Limited(!raw.isEmpty(), firstEscaped);
    }

    private static int count(CharSequence chars, char wanted) {
        int count = 0;
        for (int i = 0; i < chars.length(); i++) {
            if (chars.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }
}
