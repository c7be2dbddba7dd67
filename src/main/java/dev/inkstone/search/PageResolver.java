package dev.inkstone.search;

import dev.inkstone.content.ContentStore;
import dev.inkstone.content.FolderEntry;
import dev.inkstone.content.PageHeader;
import dev.inkstone.content.PageInfo;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SitePage;
import dev.inkstone.content.SiteService;
import dev.inkstone.content.TreeEntry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a revision, found as {@code SiteBuilder} finds every page, but from a few folder listings instead of
 * the whole tree: {@code x/index.md} before {@code x.md}, else a generated section when the folder holds Markdown
 * at any depth. Following a commit then costs in proportion to the commit, not to the site (building the site of a
 * 10,000-page revision takes hundreds of milliseconds). The search tests check it agrees with a full build.
 */
final class PageResolver {

    /** The title of a generated home page, as {@code SiteBuilder} names it. */
    private static final String HOME_TITLE = "Home";

    private final SiteService sites;
    private final ContentStore store;
    private final Revision revision;
    /** Listings by raw folder path: pages of one commit share their folders. */
    private final Map<String, Optional<List<FolderEntry>>> listings = new HashMap<>();

    PageResolver(SiteService sites, Revision revision) {
        this.sites = sites;
        this.store = sites.store();
        this.revision = revision;
    }

    /** The page at {@code path} (NFC, "" for home); its parent and children are left empty. */
    Optional<SitePage> page(String path) {
        String fallback = path.isEmpty() ? HOME_TITLE : name(path);
        Optional<List<FolderEntry>> folder = folder(path);
        FolderEntry source = folder.flatMap(entries -> markdown(entries, "index.md")).orElse(null);
        if (source == null && !path.isEmpty()) {
            source = folder(parent(path)).flatMap(entries -> markdown(entries, name(path) + ".md")).orElse(null);
        }
        if (source != null) {
            String file = nfc(source.path());
            PageHeader header = sites.header(new TreeEntry(source.path(), source.id(), TreeEntry.Kind.FILE));
            PageInfo info = PageInfo.from(header, fallback, file, new ArrayList<>());
            return Optional.of(new SitePage(path, file, source.id(), info, null, List.of(), List.of()));
        }
        if (path.isEmpty() || folder.isPresent() && holdsMarkdown(folder.get())) {
            return Optional.of(new SitePage(path, null, null, PageInfo.generated(fallback), null, List.of(),
                    List.of()));
        }
        return Optional.empty();
    }

    /** The entries of a folder given by its NFC path, whatever normalization the tree's names use. */
    private Optional<List<FolderEntry>> folder(String path) {
        Optional<List<FolderEntry>> entries = listing("");
        for (String segment : path.isEmpty() ? new String[0] : path.split("/")) {
            Optional<FolderEntry> child = entries.flatMap(list -> list.stream()
                    .filter(e -> e.kind() == FolderEntry.Kind.FOLDER && nfc(e.name()).equals(segment)).findFirst());
            if (child.isEmpty()) {
                return Optional.empty();
            }
            entries = listing(child.get().path());
        }
        return entries;
    }

    private Optional<List<FolderEntry>> listing(String rawPath) {
        return listings.computeIfAbsent(rawPath, path -> store.folder(revision, path));
    }

    private static Optional<FolderEntry> markdown(List<FolderEntry> entries, String name) {
        return entries.stream().filter(e -> e.kind() == FolderEntry.Kind.FILE && nfc(e.name()).equals(name))
                .findFirst();
    }

    private boolean holdsMarkdown(List<FolderEntry> entries) {
        for (FolderEntry entry : entries) {
            if (entry.kind() == FolderEntry.Kind.FILE && entry.name().endsWith(".md")) {
                return true;
            }
        }
        for (FolderEntry entry : entries) {
            if (entry.kind() == FolderEntry.Kind.FOLDER
                    && holdsMarkdown(listing(entry.path()).orElse(List.of()))) {
                return true;
            }
        }
        return false;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
