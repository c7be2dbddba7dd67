package dev.inkstone.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assembles the page JSON: rendered body, breadcrumbs, cards, last change and warnings. */
public final class PageService {

    private final SiteService sites;

    public PageService(SiteService sites) {
        this.sites = sites;
    }

    public Page page(Revision revision, PagePath path) {
        Site site = sites.site(revision);
        SitePage page = site.page(path.value())
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE, "no page at '" + path + "'"));
        List<Problem> problems = new ArrayList<>(page.problems());
        String html = "";
        List<TocItem> toc = List.of();
        if (!page.generated()) {
            RenderedBody body = sites.body(site, page);
            html = body.html();
            toc = body.toc();
            problems.addAll(body.problems());
            problems.addAll(LinkChecker.brokenLinks(site, page.sourcePath(), body));
        }
        PageInfo info = page.info();
        return new Page(page.path(), info.title(), info.navTitle(), info.subtitle(), info.summary(), info.icon(),
                info.tags(), info.meta(), html, toc, breadcrumbs(site, page), cards(site, page),
                page.sourcePath(), page.blobId(), revision.commit(), updated(revision, page),
                problems.stream().map(Problem::asWarning).toList());
    }

    /** Every problem of the revision: structural ones and those found by rendering each page. */
    public ProblemReport problems(Revision revision) {
        Site site = sites.site(revision);
        List<Problem> problems = new ArrayList<>(site.problems());
        site.pages().values().stream()
                .filter(page -> !page.generated())
                .sorted((a, b) -> a.sourcePath().compareTo(b.sourcePath()))
                .forEach(page -> {
                    RenderedBody body = sites.body(site, page);
                    problems.addAll(body.problems());
                    problems.addAll(LinkChecker.brokenLinks(site, page.sourcePath(), body));
                });
        problems.sort((a, b) -> a.file().compareTo(b.file()));
        return new ProblemReport(revision.commit(), problems);
    }

    private static List<Breadcrumb> breadcrumbs(Site site, SitePage page) {
        return site.ancestors(page).stream().map(a -> new Breadcrumb(a.path(), a.info().title())).toList();
    }

    private static List<Card> cards(Site site, SitePage page) {
        return site.visibleChildren(page).stream()
                .map(c -> new Card(c.path(), c.info().title(), c.info().summary(), c.info().icon()))
                .toList();
    }

    private CommitRef updated(Revision revision, SitePage page) {
        Map<String, CommitRef> changes = sites.store().lastChanges(revision);
        return changes.get(page.generated() ? page.path() : page.sourcePath());
    }
}
