package dev.inkstone.search;

import dev.inkstone.content.FileChange;
import dev.inkstone.content.Revision;
import dev.inkstone.content.SitePage;
import dev.inkstone.content.SiteService;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies a tree diff to the index: every page a changed Markdown file maps to is indexed again (or removed), and a
 * section above an added or deleted page is added or removed when it came or went. Only those pages are looked up
 * ({@link PageResolver}), never the whole site, so the work is proportional to the commit.
 */
final class IndexUpdate {

    private final SiteService sites;
    private final SearchIndex index;

    IndexUpdate(SiteService sites, SearchIndex index) {
        this.sites = sites;
        this.index = index;
    }

    /** Brings the index from its revision to {@code tip}, given the files that differ between them. */
    ChangedPages apply(Revision tip, List<FileChange> changes) throws IOException {
        ChangedPages changed = ChangedPages.of(changes);
        PageResolver resolver = new PageResolver(sites, tip);
        for (String path : changed.pages()) {
            Optional<SitePage> page = resolver.page(path);
            if (page.isPresent()) {
                index.put(path, PageDocuments.of(page.get(), PageText.renderCached(sites, page.get())));
            } else {
                index.remove(path);
            }
        }
        try (IndexSnapshot current = index.acquire().orElseThrow()) {
            for (String path : changed.sections()) {
                boolean indexed = current.contains(path);
                Optional<SitePage> page = resolver.page(path);
                if (page.isPresent() && !indexed) {
                    index.put(path, PageDocuments.of(page.get(), PageText.renderCached(sites, page.get())));
                } else if (page.isEmpty() && indexed) {
                    index.remove(path);
                }
            }
        }
        index.publish(tip.commit());
        return changed;
    }
}
