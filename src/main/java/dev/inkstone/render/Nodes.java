package dev.inkstone.render;

import com.vladsch.flexmark.util.ast.Node;
import java.util.function.Consumer;

/** Tree walks that loop instead of recursing, so no document shape can overflow the stack here. */
final class Nodes {

    private Nodes() {
    }

    /** Visits every node below {@code root} in document order. */
    static void forEachDescendant(Node root, Consumer<Node> visitor) {
        Node node = root.getFirstChild();
        while (node != null) {
            visitor.accept(node);
            node = next(node, root);
        }
    }

    /** How many levels of nodes there are below {@code root}; 0 when it has no children. */
    static int depthBelow(Node root) {
        int deepest = 0;
        int depth = 1;
        Node node = root.getFirstChild();
        while (node != null) {
            deepest = Math.max(deepest, depth);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        return deepest;
    }

    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != root && current.getNext() == null) {
            current = current.getParent();
        }
        return current == root ? null : current.getNext();
    }
}
