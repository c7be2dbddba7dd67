package dev.inkstone.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * History as clients see it: by page path, following renames, with diffs, restores, reverts and change feeds.
 * Files become page paths on the way out; writes go through the same writer and guards as every edit.
 */
public final class HistoryService {

    private final SiteService sites;
    private final HistoryStore history;
    private final ContentWriter writer;
    private final PageService pages;

    public HistoryService(SiteService sites, HistoryStore history, ContentWriter writer, PageService pages) {
        this.sites = sites;
        this.history = history;
        this.writer = writer;
        this.pages = pages;
    }

    /** A page of a page's history, newest first, with page paths. */
    public HistoryPage pageHistory(Revision revision, PagePath path, int limit, String cursor) {
        String file = fileOf(revision, path);
        HistoryPage page = history.fileHistory(revision, file, limit, cursor);
        return new HistoryPage(page.items().stream().map(HistoryService::asPages).toList(), page.next());
    }

    /**
     * The diff of a page's source between two commits; {@code from} defaults to the change before the page's last
     * change up to {@code to}.
     */
    public FileDiff diff(PagePath path, String fromRef, String toRef) {
        Revision to = sites.resolve(toRef);
        String file = fileOf(to, path);
        String fromFile = file;
        String from;
        if (fromRef != null) {
            from = sites.resolve(fromRef).commit();
            if (history.blobAt(from, file).isEmpty()) {
                fromFile = renamedFrom(to, file, from).orElse(file);
            }
        } else {
            List<HistoryItem> recent = history.fileHistory(to, file, 2, null).items();
            if (recent.isEmpty()) {
                throw new NotFoundException(NotFoundException.What.PAGE, "'" + path + "' has no history");
            }
            HistoryItem last = recent.get(0);
            if (last.previousPath() != null && last.change().equals("renamed")) {
                fromFile = last.previousPath();
            }
            from = recent.size() > 1 ? recent.get(1).commit() : null;
            if (from == null || history.blobAt(from, fromFile).isEmpty()) {
                fromFile = null;
            }
        }
        return history.diff(file, from, fromFile, to.commit());
    }

    /** A new commit whose page content equals the one at {@code ref}; a page deleted since comes back. */
    public WriteResult restore(PagePath path, String ref, String sha, String message, Person author) {
        Revision at = sites.resolve(ref);
        String file = fileOf(at, path);
        String blob = history.blobAt(at.commit(), file)
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.PAGE,
                        "'" + path + "' does not exist at " + ref));
        byte[] content = sites.store().blob(blob).orElseThrow();
        Revision tip = sites.resolve(null);
        Optional<String> current = history.blobAt(tip.commit(), file);
        Guard guard = current.isEmpty() ? Guard.ABSENT : sha == null ? Guard.NONE : Guard.base(sha);
        String subject = message == null || message.isBlank()
                ? "Restore " + (path.isRoot() ? "home page" : path.value()) + " to " + at.commit().substring(0, 7)
                : message;
        CommitOutcome outcome = writer.commit(new CommitRequest(List.of(new Change.Put(file, content, true, guard)),
                subject, author, null));
        Page page = outcome.commit() == null ? null : pages.page(new Revision(outcome.commit().sha(), false), path);
        return new WriteResult(outcome.commit(), page, outcome.merged(), outcome.changed());
    }

    /** A new commit that undoes every change of {@code commit}; conflicts are refused with their paths. */
    public WriteResult revert(String commitId, String message, Person author) {
        CommitSummary target = history.commit(commitId)
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.REF, "no commit " + commitId));
        Revision tip = sites.resolve(null);
        if (!sites.store().isAncestor(target.commit(), tip.commit())) {
            throw new PreconditionException(PreconditionException.Reason.GONE, null, null, null,
                    "commit " + target.commit() + " is not on the branch");
        }
        HistoryStore.RevertPlan plan = history.planRevert(target.commit(), tip.commit());
        if (!plan.conflicts().isEmpty()) {
            throw new RevertConflictException(target.commit(), plan.conflicts());
        }
        String subject = message == null || message.isBlank()
                ? "Revert \"" + target.message().lines().findFirst().orElse("") + "\"\n\nThis reverts commit "
                + target.commit() + "."
                : message;
        CommitOutcome outcome = writer.commit(new CommitRequest(plan.changes(), subject, author, null));
        return new WriteResult(outcome.commit(), null, outcome.merged(), outcome.changed());
    }

    public CommitSummary commit(String id) {
        CommitSummary summary = history.commit(id)
                .orElseThrow(() -> new NotFoundException(NotFoundException.What.REF, "no commit " + id));
        return new CommitSummary(summary.commit(), summary.message().stripTrailing(), summary.author(),
                summary.date(), summary.parents(), summary.files().stream().map(HistoryService::withPages).toList());
    }

    /** Recent commits, newest first, with the files (and pages) each touched. */
    public List<CommitSummary> recent(Revision revision, int limit, String after) {
        return history.log(revision, limit, after).stream()
                .map(c -> new CommitSummary(c.commit(), c.message().stripTrailing(), c.author(), c.date(),
                        c.parents(), c.files().stream().map(HistoryService::withPages).toList()))
                .toList();
    }

    /** Every file changed between {@code since} and the tip; a {@code since} off the branch is refused. */
    public List<ChangedFile> since(String since, Revision tip) {
        Revision from = sites.resolve(since);
        if (!sites.store().isAncestor(from.commit(), tip.commit())) {
            throw new HistoryRewrittenException(from.commit(), tip.commit());
        }
        return history.changesBetween(from.commit(), tip.commit()).stream().map(HistoryService::withPages).toList();
    }

    /** The Markdown file behind a page at a revision, or where it lived if it is gone. */
    private String fileOf(Revision revision, PagePath path) {
        Optional<String> named = fileByName(revision, path);
        if (named.isPresent()) {
            return named.get();
        }
        Optional<SitePage> page = sites.site(revision).page(path.value()).filter(p -> !p.generated());
        if (page.isPresent()) {
            return page.get().sourcePath();
        }
        List<String> candidates = path.isRoot() ? List.of("index.md")
                : List.of(path.value() + ".md", path.value() + "/index.md");
        for (String candidate : candidates) {
            if (!history.fileHistory(revision, candidate, 1, null).items().isEmpty()) {
                return candidate;
            }
        }
        throw new NotFoundException(NotFoundException.What.PAGE, "no page at '" + path + "' in this history");
    }

    /**
     * The page's file by the naming rule alone ({@code x/index.md} wins over {@code x.md}), found with a tree lookup
     * instead of the revision's site: the first history request after a start should not wait for every page's
     * front matter to be read. Only for ASCII paths, because the site matches file names after Unicode
     * normalization and a tree lookup does not.
     */
    private Optional<String> fileByName(Revision revision, PagePath path) {
        if (!path.value().chars().allMatch(c -> c < 0x80)) {
            return Optional.empty();
        }
        List<String> candidates = path.isRoot() ? List.of("index.md")
                : List.of(path.value() + "/index.md", path.value() + ".md");
        return candidates.stream().filter(file -> history.blobAt(revision.commit(), file).isPresent()).findFirst();
    }

    private Optional<String> renamedFrom(Revision to, String file, String from) {
        String cursor = null;
        do {
            HistoryPage page = history.fileHistory(to, file, 100, cursor);
            for (HistoryItem item : page.items()) {
                if (item.previousPath() != null && history.blobAt(from, item.previousPath()).isPresent()) {
                    return Optional.of(item.previousPath());
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return Optional.empty();
    }

    private static HistoryItem asPages(HistoryItem item) {
        return new HistoryItem(item.commit(), item.message(), item.author(), item.date(), item.change(),
                pagePath(item.path()), pagePath(item.previousPath()));
    }

    /** Files keep their repository path; Markdown files also name their page. */
    private static ChangedFile withPages(ChangedFile file) {
        return new ChangedFile(file.change(), file.path(), file.previousPath(), pageOf(file.path()),
                pageOf(file.previousPath()));
    }

    private static String pageOf(String file) {
        return file != null && file.endsWith(".md") ? SiteBuilder.pagePathOf(file) : null;
    }

    static String pagePath(String file) {
        if (file == null) {
            return null;
        }
        return file.endsWith(".md") ? SiteBuilder.pagePathOf(file) : file;
    }

    /** Pages a list of changed files touched, with their page paths. */
    public static List<PageChange> pagesOf(List<ChangedFile> files) {
        List<PageChange> pages = new ArrayList<>();
        for (ChangedFile file : files) {
            if (file.page() != null) {
                pages.add(new PageChange(file.change(), file.page(), file.previousPage()));
            }
        }
        return pages;
    }

    /** A page a commit or range touched. */
    public record PageChange(String change, String path, String previousPath) {
    }
}
