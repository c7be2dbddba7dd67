package dev.inkstone.render;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Finds the Markdown links and images that point into the repository, with the file line each is written on. */
final class LinkCollector {

    private LinkCollector() {
    }

    static List<LocalLink> collect(Document document, LinkRewriter rewriter, SourceLines lines,
                                   List<String> warnings) {
        List<LocalLink> links = new ArrayList<>();
        Nodes.forEachDescendant(document, node -> {
            String url = urlOf(node, document);
            if (url == null) {
                return;
            }
            boolean image = node instanceof Image || node instanceof ImageRef;
            LinkRewriter.Rewrite rewrite = rewriter.rewrite(url, image);
            if (rewrite == null) {
                return;
            }
            if (rewrite.warning() != null) {
                warnings.add(rewrite.warning());
            } else {
                links.add(new LocalLink(rewrite.repoPath(), rewrite.pagePath(),
                        lines.fileLine(node.getStartOffset()), image));
            }
        });
        return links;
    }

    /** The URL as flexmark hands it to the renderer, or null for nodes that are not rendered links. */
    private static String urlOf(Node node, Document document) {
        if (node instanceof Link link) {
            return link.getUrl().unescape();
        }
        if (node instanceof Image image) {
            return image.getUrl().unescape();
        }
        if ((node instanceof LinkRef || node instanceof ImageRef) && ((RefNode) node).isDefined()) {
            Reference reference = ((RefNode) node).getReferenceNode(document);
            return reference == null ? null : reference.getUrl().unescape();
        }
        return null;
    }
}
