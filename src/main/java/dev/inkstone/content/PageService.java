package dev.inkstone.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Assembles the page JSON: rendered body, breadcrumbs, cards, last change and warnings. */
public final class PageService {

    private final SiteService sites;
    private final HistoryStore history;

    public PageService(SiteService sites, HistoryStore history) {
        this.sites = sites;
        this.history = history;
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
        // Authorship first: before the history index is ready its walk also answers the last change.
        boolean historyPending = false;
        Authorship authorship = Authorship.NONE;
        if (!page.generated()) {
            try {
                authorship = history.authorship(revision, page.sourcePath());
            } catch (HistoryPendingException e) {
                historyPending = true;
            }
        }
        CommitRef updated = null;
        try {
            updated = updated(revision, page);
        } catch (HistoryPendingException e) {
            historyPending = true;
        }
        return assemble(site, page, page.info(), html, toc, page.blobId(), updated, authorship, problems,
                historyPending);
    }

    /** Where a page that is not here went, by the revision's {@code _redirects.yml}. */
    public Optional<String> redirect(Revision revision, PagePath path) {
        Site site = sites.site(revision);
        if (site.pages().containsKey(path.value())) {
            return Optional.empty();
        }
        return sites.redirects(revision).target(path.value()).filter(site.pages()::containsKey);
    }

    /** The page JSON that {@code content} would produce at {@code path}, without committing anything. */
    public Page preview(Revision revision, PagePath path, String content) {
        Site site = sites.site(revision);
        Optional<SitePage> existing = site.page(path.value());
        String sourcePath = existing.map(SitePage::sourcePath).orElse(null);
        if (sourcePath == null) {
            sourcePath = path.isRoot() ? "index.md" : path.value() + ".md";
        }
        PageHeader header = sites.headerOf(sourcePath, content);
        List<Problem> problems = new ArrayList<>(header.problems());
        PageInfo info = PageInfo.from(header, path.isRoot() ? SiteBuilder.HOME_TITLE : path.name(), sourcePath,
                problems);
        RenderedBody body = sites.render(header, sourcePath);
        problems.addAll(body.problems());
        problems.addAll(LinkChecker.brokenLinks(site, sourcePath, body));
        String parent = path.isRoot() ? null : path.parent().value();
        SitePage draft = new SitePage(path.value(), sourcePath, ContentBytes.blobId(content.getBytes(StandardCharsets.UTF_8)),
                info, parent, existing.map(SitePage::children).orElse(List.of()), List.of());
        return assemble(site, draft, info, body.html(), body.toc(), draft.blobId(), null,
                Authorship.NONE, problems, false);
    }

    private static Page assemble(Site site, SitePage page, PageInfo info, String html, List<TocItem> toc, String sha,
                                 CommitRef updated, Authorship authorship, List<Problem> problems,
                                 boolean historyPending) {
        return new Page(page.path(), info.title(), info.navTitle(), info.subtitle(), info.summary(), info.icon(),
                info.tags(), info.meta(), html, toc, breadcrumbs(site, page), cards(site, page),
                page.sourcePath(), sha, site.revision().commit(), updated, authorship.created(),
                authorship.contributors(), warnings(problems, historyPending));
    }

    private static List<String> warnings(List<Problem> problems, boolean historyPending) {
        List<String> warnings = new ArrayList<>(problems.size() + 1);
        problems.forEach(problem -> warnings.add(problem.asWarning()));
        if (historyPending) {
            warnings.add(Page.HISTORY_PENDING);
        }
        return List.copyOf(warnings);
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

    /** Ancestors that exist in the site, home first; a draft's missing ancestors are skipped. */
    private static List<Breadcrumb> breadcrumbs(Site site, SitePage page) {
        List<Breadcrumb> crumbs = new ArrayList<>();
        for (String parent = page.parent(); parent != null; parent = parent.isEmpty() ? null : parentOf(parent)) {
            SitePage ancestor = site.pages().get(parent);
            if (ancestor != null) {
                crumbs.add(0, new Breadcrumb(ancestor.path(), ancestor.info().title()));
            }
        }
        return crumbs;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static List<Card> cards(Site site, SitePage page) {
        return page.children().stream().map(site.pages()::get)
                .filter(child -> child != null && !child.info().hidden())
                .map(c -> new Card(c.path(), c.info().title(), c.info().summary(), c.info().icon()))
                .toList();
    }

    /**
     * From the history index (one pass over history, advanced per commit); until it is ready, from a walk for this
     * one path that changed-path Bloom filters keep short.
     */
    private CommitRef updated(Revision revision, SitePage page) {
        return history.lastChange(revision, page.generated() ? page.path() : page.sourcePath()).orElse(null);
    }
}
