package dev.inkstone.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies the content conventions to a revision's tree: which files are pages, which folders are sections,
 * which page shadows which, and in what order siblings appear.
 */
public final class SiteBuilder {

    static final String HOME_TITLE = "Home";

    /** Siblings: by {@code order} (absent last), then title in code-point order, then path. */
    static final Comparator<SitePage> NAV_ORDER = Comparator
            .comparing((SitePage page) -> page.info().order(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(page -> page.info().title(), SiteBuilder::compareCodePoints)
            .thenComparing(SitePage::path, SiteBuilder::compareCodePoints);

    private final Function<TreeEntry, PageFacts> facts;

    /** {@code facts} tells what a Markdown entry says, typically through a cache keyed by (blob id, path). */
    public SiteBuilder(Function<TreeEntry, PageFacts> facts) {
        this.facts = facts;
    }

    /** A builder that interprets every header it reads, uncached (tests, one-off builds). */
    public static SiteBuilder reading(Function<TreeEntry, PageHeader> headers) {
        return new SiteBuilder(entry -> facts(entry, headers.apply(entry)));
    }

    /** Interprets a Markdown entry's header: its page info and every problem the file has on its own. */
    public static PageFacts facts(TreeEntry entry, PageHeader header) {
        String file = Normalizer.normalize(entry.path(), Normalizer.Form.NFC);
        String pagePath = pagePathOf(file);
        List<Problem> problems = new ArrayList<>(header.problems());
        PageInfo info = PageInfo.from(header, pagePath.isEmpty() ? HOME_TITLE : lastSegment(pagePath), file, problems);
        return new PageFacts(info, List.copyOf(problems));
    }

    public Site build(Revision revision, List<TreeEntry> tree) {
        List<Problem> problems = new ArrayList<>();
        Map<String, TreeEntry> files = new LinkedHashMap<>();
        Map<String, TreeEntry> sources = new HashMap<>();
        TreeSet<String> sections = new TreeSet<>();
        sections.add("");
        for (TreeEntry entry : tree) {
            String path = Normalizer.normalize(entry.path(), Normalizer.Form.NFC);
            switch (entry.kind()) {
                case SYMLINK -> problems.add(new Problem(path, null, Problem.SYMLINK,
                        "symbolic links are not served"));
                case SUBMODULE -> problems.add(new Problem(path, null, Problem.SUBMODULE,
                        "submodules are not served"));
                case FILE -> {
                    files.put(path, entry);
                    if (entry.isMarkdown()) {
                        claimPage(path, entry, sources, problems);
                        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                            sections.add(path.substring(0, slash));
                        }
                    }
                }
            }
        }
        Map<String, List<Problem>> shadowing = new HashMap<>();
        for (Problem problem : problems) {
            if (problem.kind().equals(Problem.SHADOWED_PAGE)) {
                shadowing.computeIfAbsent(pagePathOf(problem.file()), key -> new ArrayList<>()).add(problem);
            }
        }
        Map<String, SitePage> unlinked = new HashMap<>();
        sources.forEach((pagePath, entry) -> unlinked.put(pagePath,
                sourcePage(pagePath, entry, shadowing.getOrDefault(pagePath, List.of()), problems)));
        for (String section : sections) {
            unlinked.computeIfAbsent(section, path -> new SitePage(path, null, null,
                    PageInfo.generated(path.isEmpty() ? HOME_TITLE : lastSegment(path)), null, List.of(), List.of()));
        }
        return new Site(revision, link(unlinked), files, sortedByFile(problems), List.copyOf(tree));
    }

    /**
     * The site of a revision whose tree differs from {@code base}'s only by new versions of existing files — what
     * nearly every edit is — built by replacing those pages and re-sorting their siblings when a title or order
     * changed, instead of re-deriving every page. Empty when the delta adds, removes or retypes anything: those
     * change the structure, and {@link #build} handles them.
     */
    public Optional<Site> derive(Site base, Revision revision, TreeDelta delta, List<TreeEntry> tree) {
        if (!delta.removed().isEmpty()) {
            return Optional.empty();
        }
        // Only the replaced entries are collected; the new site's maps overlay them on the base's (OverlayMap).
        Map<String, TreeEntry> files = new HashMap<>();
        Map<String, SitePage> pages = new HashMap<>();
        Function<String, SitePage> current = path -> pages.containsKey(path) ? pages.get(path) : base.pages().get(path);
        Set<String> rewritten = new HashSet<>();
        Set<String> resort = new HashSet<>();
        List<Problem> added = new ArrayList<>();
        for (TreeEntry entry : delta.upserted()) {
            String file = Normalizer.normalize(entry.path(), Normalizer.Form.NFC);
            TreeEntry old = base.files().get(file);
            if (entry.kind() != TreeEntry.Kind.FILE || old == null || !old.path().equals(entry.path())) {
                return Optional.empty();
            }
            files.put(file, entry);
            SitePage page = entry.isMarkdown() ? current.apply(pagePathOf(file)) : null;
            if (page == null || !file.equals(page.sourcePath())) {
                continue; // not Markdown, or shadowed by another file: nothing it says is shown
            }
            PageFacts known = facts.apply(entry);
            rewritten.add(file);
            added.addAll(known.problems());
            List<Problem> problems = new ArrayList<>(known.problems());
            page.problems().stream().filter(p -> p.kind().equals(Problem.SHADOWED_PAGE)).forEach(problems::add);
            SitePage replaced = new SitePage(page.path(), file, entry.blobId(), known.info(), page.parent(),
                    page.children(), List.copyOf(problems));
            pages.put(page.path(), replaced);
            if (page.parent() != null && NAV_ORDER.compare(page, replaced) != 0) {
                resort.add(page.parent());
            }
        }
        for (String parentPath : resort) {
            SitePage parent = current.apply(parentPath);
            List<String> children = parent.children().stream().map(current).sorted(NAV_ORDER)
                    .map(SitePage::path).toList();
            pages.put(parentPath, new SitePage(parent.path(), parent.sourcePath(), parent.blobId(), parent.info(),
                    parent.parent(), children, parent.problems()));
        }
        List<Problem> problems;
        if (rewritten.isEmpty() || base.problems().isEmpty() && added.isEmpty()) {
            problems = base.problems();
        } else {
            problems = new ArrayList<>(base.problems().size() + added.size());
            base.problems().stream().filter(p -> !rewritten.contains(p.file())).forEach(problems::add);
            problems.addAll(added);
            problems = sortedByFile(problems);
        }
        // The tree is a fresh copy nobody else holds: wrapping it is enough.
        return Optional.of(new Site(revision, OverlayMap.replacing(base.pages(), pages),
                OverlayMap.replacing(base.files(), files), problems, Collections.unmodifiableList(tree)));
    }

    /** One canonical order (by file; a file's own problems keep their order), whichever way a site was made. */
    private static List<Problem> sortedByFile(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::file, SiteBuilder::compareCodePoints));
        return List.copyOf(sorted);
    }

    /** {@code x/index.md} wins over {@code x.md}; the loser is reported on both files. */
    private static void claimPage(String path, TreeEntry entry, Map<String, TreeEntry> sources, List<Problem> problems) {
        String pagePath = pagePathOf(path);
        TreeEntry previous = sources.get(pagePath);
        if (previous == null) {
            sources.put(pagePath, entry);
            return;
        }
        boolean newIsIndex = path.endsWith("index.md") && (path.equals("index.md") || path.endsWith("/index.md"));
        String winner = newIsIndex ? path : Normalizer.normalize(previous.path(), Normalizer.Form.NFC);
        String loser = newIsIndex ? Normalizer.normalize(previous.path(), Normalizer.Form.NFC) : path;
        if (newIsIndex) {
            sources.put(pagePath, entry);
        }
        problems.add(new Problem(loser, null, Problem.SHADOWED_PAGE,
                loser + " is not served: " + winner + " is the page '" + pagePath + "'"));
    }

    /** {@code shadowed} are problems already reported elsewhere that the page should show as warnings too. */
    private SitePage sourcePage(String pagePath, TreeEntry entry, List<Problem> shadowed, List<Problem> siteProblems) {
        String file = Normalizer.normalize(entry.path(), Normalizer.Form.NFC);
        PageFacts known = facts.apply(entry);
        siteProblems.addAll(known.problems());
        List<Problem> problems = known.problems();
        if (!shadowed.isEmpty()) {
            problems = new ArrayList<>(problems);
            problems.addAll(shadowed);
            problems = List.copyOf(problems);
        }
        return new SitePage(pagePath, file, entry.blobId(), known.info(), null, List.of(), problems);
    }

    private static Map<String, SitePage> link(Map<String, SitePage> unlinked) {
        Map<String, List<SitePage>> childrenOf = new HashMap<>();
        for (SitePage page : unlinked.values()) {
            if (!page.path().isEmpty()) {
                childrenOf.computeIfAbsent(parentOf(page.path()), key -> new ArrayList<>()).add(page);
            }
        }
        Map<String, SitePage> linked = new HashMap<>();
        for (SitePage page : unlinked.values()) {
            List<String> children = childrenOf.getOrDefault(page.path(), List.of()).stream()
                    .sorted(NAV_ORDER).map(SitePage::path).toList();
            String parent = page.path().isEmpty() ? null : parentOf(page.path());
            linked.put(page.path(), new SitePage(page.path(), page.sourcePath(), page.blobId(), page.info(), parent,
                    children, page.problems()));
        }
        return Map.copyOf(linked);
    }

    /** {@code a/index.md} → {@code a}, {@code a/b.md} → {@code a/b}, {@code index.md} → "". */
    public static String pagePathOf(String markdownPath) {
        String path = markdownPath.substring(0, markdownPath.length() - ".md".length());
        if (path.equals("index")) {
            return "";
        }
        return path.endsWith("/index") ? path.substring(0, path.length() - "/index".length()) : path;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
