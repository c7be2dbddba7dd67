package dev.inkstone.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything derived from one revision's tree: its pages in nav order, its files, its structural problems, and
 * the tree itself (in Git's path order), from which the next revision's site is derived by a tree diff.
 */
public record Site(Revision revision, Map<String, SitePage> pages, Map<String, TreeEntry> files,
                   List<Problem> problems, List<TreeEntry> tree) {

    public Optional<SitePage> page(String path) {
        return Optional.ofNullable(pages.get(path));
    }

    public SitePage root() {
        return pages.get("");
    }

    /** Ancestors of a page, home first, not the page itself. */
    public List<SitePage> ancestors(SitePage page) {
        List<SitePage> chain = new ArrayList<>();
        for (String parent = page.parent(); parent != null; parent = pages.get(parent).parent()) {
            chain.add(0, pages.get(parent));
        }
        return chain;
    }

    /** Children that appear in the nav and as cards. */
    public List<SitePage> visibleChildren(SitePage page) {
        return page.children().stream().map(pages::get).filter(child -> !child.info().hidden()).toList();
    }
}
