package dev.inkstone.search;

import dev.inkstone.content.FileChange;
import dev.inkstone.content.SiteBuilder;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tree diff means for the index: the pages whose Markdown changed, to re-index, and the sections above an
 * added or deleted page, which may have come or gone with it (a folder is a section while it holds Markdown).
 * Other files change no page's text.
 */
record ChangedPages(Set<String> pages, Set<String> sections) {

    static ChangedPages of(List<FileChange> changes) {
        Set<String> pages = new TreeSet<>();
        Set<String> sections = new TreeSet<>();
        for (FileChange change : changes) {
            String file = Normalizer.normalize(change.path(), Normalizer.Form.NFC);
            if (!file.endsWith(".md")) {
                continue;
            }
            String page = SiteBuilder.pagePathOf(file);
            pages.add(page);
            if (change.added() || change.deleted()) {
                sections.addAll(PageDocuments.sections(page));
            }
        }
        sections.removeAll(pages);
        return new ChangedPages(Set.copyOf(pages), Set.copyOf(sections));
    }
}
