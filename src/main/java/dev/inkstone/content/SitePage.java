package dev.inkstone.content;

import java.util.List;

/**
 * A page of one revision: where its source is (null for a generated section), how it is titled and ordered,
 * and its place in the tree (children sorted in nav order, hidden ones included).
 */
public record SitePage(String path, String sourcePath, String blobId, PageInfo info, String parent,
                       List<String> children, List<Problem> problems) {

    public boolean generated() {
        return sourcePath == null;
    }
}
