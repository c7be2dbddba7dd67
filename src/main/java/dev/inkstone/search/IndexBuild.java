package dev.inkstone.search;

import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SiteService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;

/**
 * Indexes every page of a revision into an empty index, rendering and analysing on every core: the first build is
 * what a new server waits for. Searches keep the previous view, if any, until it is committed.
 */
final class IndexBuild {

    private final SiteService sites;
    private final SearchIndex index;
    private final BuildProgress progress;

    IndexBuild(SiteService sites, SearchIndex index, BuildProgress progress) {
        this.sites = sites;
        this.index = index;
        this.progress = progress;
    }

    /** Builds the index of {@code revision}; false when {@code cancelled} stopped it first. */
    boolean run(Revision revision, BooleanSupplier cancelled) throws IOException {
        Site site = sites.site(revision);
        progress.begin(site.pages().size());
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            index.startOver();
            pool.submit(() -> site.pages().values().parallelStream().forEach(page -> {
                if (!cancelled.getAsBoolean()) {
                    try {
                        index.add(PageDocuments.of(page, PageText.render(sites, page)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    progress.advance();
                }
            })).get();
            if (cancelled.getAsBoolean()) {
                return false;
            }
            index.finishBuild(revision.commit());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the search index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
            progress.end();
        }
    }
}
