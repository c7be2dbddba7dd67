package dev.inkstone.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A page's headings: the id of each, the table of contents and the first level-1 heading's text. */
record PageOutline(Map<Node, String> ids, List<TocEntry> toc, String firstHeading) {

    static PageOutline of(Document document) {
        HeadingIds headingIds = new HeadingIds();
        Map<Node, String> ids = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        String[] firstHeading = {null};
        Nodes.forEachDescendant(document, node -> {
            if (node instanceof Heading heading) {
                String text = plainText(heading);
                String id = headingIds.next(text);
                ids.put(heading, id);
                if (heading.getLevel() == 1 && firstHeading[0] == null) {
                    firstHeading[0] = text;
                }
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    toc.add(new TocEntry(heading.getLevel(), id, text));
                }
            }
        });
        return new PageOutline(ids, toc, firstHeading[0]);
    }

    private static String plainText(Heading heading) {
        return new TextCollectingVisitor().collectAndGetText(heading).replaceAll("\\s+", " ").strip();
    }
}
