package dev.inkstone.content;

/**
 * How much of the heap each cache may hold, as shares of the maximum heap ({@code -Xmx}), so that the service
 * fits the heap it is given instead of failing in it: every cache is bounded by the memory its entries take, not
 * by their number (a 10,000-page site is a thousand times a 10-page one). Together they take about a third of the
 * heap, and the search index's unwritten segments a sixteenth more; the rest is for requests in flight, the search
 * index's buffers and dictionaries, the history index and JGit's own caches (measured at 10,000 pages: with half of
 * a 112 MiB heap for these caches the service ran out of memory). The shares were smaller before the recommended
 * heap went from 160 to 128 MiB: answers a tenth, rendered bodies a twelfth, unwritten search segments an eighth.
 * At 128 MiB those left about 85 MB live after each full collection under 8 writers on 10,000 pages, and the old
 * generation filled every 2–3 s; with these shares, 76–81 MB (bench notes in the README).
 */
public final class CacheBudget {

    /** Rough heap cost of one site entry (a page or a tree entry with its map node, strings and lists). */
    private static final long SITE_ENTRY_BYTES = 512;
    /** Rough heap cost of one page's facts (title, summary, tags, other front matter). */
    private static final long FACTS_BYTES = 512;

    private CacheBudget() {
    }

    private static long heap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Finished answers (JSON bytes). */
    public static long responseBytes() {
        return heap() / 16;
    }

    /** Rendered page bodies. */
    public static long renderedBytes() {
        return heap() / 16;
    }

    /** Parsed files with their bodies, for rendering and indexing. */
    public static long headerBytes() {
        return heap() / 48;
    }

    /** Search index segments an update flushed, kept in memory until a commit or merge writes them. */
    public static long searchSegmentBytes() {
        return heap() / 16;
    }

    /** Sites, counted in entries: pages plus tree entries. */
    public static long siteEntries() {
        return Math.max(20_000, heap() / 8 / SITE_ENTRY_BYTES);
    }

    /** Page facts, counted in files. */
    public static long pageFacts() {
        return Math.max(10_000, heap() / 16 / FACTS_BYTES);
    }
}
