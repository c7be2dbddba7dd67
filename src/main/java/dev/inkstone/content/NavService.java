package dev.inkstone.content;

import java.util.ArrayList;
import java.util.List;

/** The navigation tree, a subtree of it, or the flat list, hidden pages left out. */
public final class NavService {

    private final SiteService sites;

    public NavService(SiteService sites) {
        this.sites = sites;
    }

    /** {@code depth} null means unlimited; 0 gives the root node alone. */
    public NavTree tree(Revision revision, PagePath root, Integer depth) {
        Site site = sites.site(revision);
        SitePage start = site.page(root.value())
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE, "no page at '" + root + "'"));
        return new NavTree(revision.commit(), node(site, start, depth == null ? Integer.MAX_VALUE : depth));
    }

    public FlatNav flat(Revision revision, PagePath root) {
        Site site = sites.site(revision);
        SitePage start = site.page(root.value())
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE, "no page at '" + root + "'"));
        List<FlatNav.Entry> entries = new ArrayList<>();
        collect(site, start, entries);
        return new FlatNav(revision.commit(), entries);
    }

    private static NavNode node(Site site, SitePage page, int depth) {
        List<NavNode> children = depth <= 0 ? List.of()
                : site.visibleChildren(page).stream().map(child -> node(site, child, depth - 1)).toList();
        PageInfo info = page.info();
        return new NavNode(page.path(), info.title(), info.navTitle(), info.icon(), info.order(), children);
    }

    private static void collect(Site site, SitePage page, List<FlatNav.Entry> entries) {
        PageInfo info = page.info();
        entries.add(new FlatNav.Entry(page.path(), info.title(), info.navTitle(), info.icon(), info.order(),
                page.parent()));
        for (SitePage child : site.visibleChildren(page)) {
            collect(site, child, entries);
        }
    }
}
