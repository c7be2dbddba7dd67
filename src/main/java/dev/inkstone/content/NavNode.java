package dev.inkstone.content;

import java.util.List;

/** A node of the navigation tree; hidden pages are left out. */
public record NavNode(String path, String title, String navTitle, String icon, Integer order, List<NavNode> children) {
}
