package dev.inkstone.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves revisions and derives their sites, with the caches that make repeated reads cheap: a site per
 * commit id, a header per blob, a rendered body per (blob, page). All keys are immutable Git ids, so nothing
 * cached can go stale.
 */
public final class SiteService {

    /** Past this many differing paths, reading the target's whole tree is as cheap as applying the diff. */
    private static final int MAX_DELTA = 512;

    private final ContentStore store;
    private final MarkupEngine engine;
    // Maintenance runs on the calling thread: the common pool is also where parallel header parsing runs.
    // Sites are weighed by their entries (a 10,000-page site is a few megabytes): a handful of big sites or many
    // small ones, never sixteen big ones in a small heap.
    private final Cache<String, Site> sites = Caffeine.newBuilder().executor(Runnable::run)
            .maximumWeight(CacheBudget.siteEntries())
            .weigher((String commit, Site site) -> site.pages().size() + site.tree().size())
            .build();
    private final Cache<String, Redirects> redirects = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(16).build();
    /** Entry (path, blob) → what the file says about its page: small, and shared by every revision's site. */
    private final Cache<TreeEntry, PageFacts> facts = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(CacheBudget.pageFacts()).build();
    /** Whole parsed files, bodies included: only for rendering and indexing, so weighed and kept small. */
    private final Cache<String, PageHeader> headers = Caffeine.newBuilder().executor(Runnable::run)
            .maximumWeight(CacheBudget.headerBytes())
            .weigher((String key, PageHeader header) -> header.body().length() * 2 + 512)
            .build();
    private final Cache<String, RenderedBody> bodies = Caffeine.newBuilder().executor(Runnable::run)
            .maximumWeight(CacheBudget.renderedBytes())
            .weigher((String key, RenderedBody body) -> body.html().length() * 2 + 256)
            .build();
    /** The site built last: the base the next revision's site is derived from (usually its parent). */
    private volatile Site latest;

    public SiteService(ContentStore store, MarkupEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    public ContentStore store() {
        return store;
    }

    public Revision resolve(String ref) {
        return store.resolve(ref);
    }

    public Site site(Revision revision) {
        Site known = sites.getIfPresent(revision.commit());
        if (known != null) {
            return known;
        }
        Site base = latest;
        Optional<TreeDelta> delta = base == null ? Optional.empty()
                : store.delta(base.revision().commit(), revision.commit(), MAX_DELTA);
        List<TreeEntry> tree = delta.isPresent() ? delta.get().applyTo(base.tree()) : store.tree(revision);
        // Reading and parsing headers is the cost of a new site, so it is spread over the cores, and outside the
        // cache's compute: parallel work inside a compute can deadlock against the cache's own locks. A derived
        // site only needs the changed files'.
        (delta.isPresent() ? delta.get().upserted() : tree).parallelStream().filter(TreeEntry::isMarkdown)
                .forEach(this::facts);
        SiteBuilder builder = new SiteBuilder(this::facts);
        Site site = sites.get(revision.commit(), commit -> delta.flatMap(d -> builder.derive(base, revision, d, tree))
                .orElseGet(() -> builder.build(revision, tree)));
        latest = site;
        return site;
    }

    /** What a Markdown file says about its page; computed once per (blob, path). */
    public PageFacts facts(TreeEntry entry) {
        PageFacts known = facts.getIfPresent(entry);
        if (known != null) {
            return known;
        }
        // Parsed outside the cache's compute; the whole header is not kept, only what sites need (unless it is
        // there already: a file just written through the API, see headerOfWrite).
        PageHeader parsed = headers.getIfPresent(fileKey(entry.blobId(), entry.path()));
        PageFacts computed = SiteBuilder.facts(entry, parsed != null ? parsed : parse(entry));
        facts.put(entry, computed);
        return computed;
    }

    /**
     * Builds the branch tip's site ahead of the first request, so it is ready when a client asks; completes when
     * it is built (or could not be: an empty or unreadable branch is reported by the first request that needs it).
     */
    public CompletableFuture<Void> warmUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                site(resolve(null));
            } catch (RuntimeException e) {
                // Reported by the first request that needs the site.
            } finally {
                done.complete(null);
            }
        }, "inkstone-warm-up");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    public PageHeader header(TreeEntry entry) {
        return headers.get(fileKey(entry.blobId(), entry.path()), key -> parse(entry));
    }

    private PageHeader parse(TreeEntry entry) {
        List<Problem> problems = new ArrayList<>();
        String text = text(entry, problems);
        PageHeader header = engine.readHeader(entry.path(), text);
        if (problems.isEmpty()) {
            return header;
        }
        problems.addAll(header.problems());
        return new PageHeader(header.frontMatter(), header.body(), header.bodyStartLine(), header.firstHeading(),
                List.copyOf(problems), header.frontMatterError());
    }

    /** The revision's {@code _redirects.yml}, parsed once per commit. */
    public Redirects redirects(Revision revision) {
        Site site = site(revision);
        return redirects.get(revision.commit(), commit -> {
            TreeEntry file = site.files().get(Redirects.FILE);
            return file == null ? Redirects.none()
                    : Redirects.parse(new String(store.blob(file.blobId()).orElse(new byte[0]), StandardCharsets.UTF_8));
        });
    }

    /** The rendered body of a page with a source; generated sections have none. */
    public RenderedBody body(Site site, SitePage page) {
        return bodies.get(fileKey(page.blobId(), page.path()), key -> {
            TreeEntry entry = site.files().get(page.sourcePath());
            return engine.render(header(entry), page.sourcePath());
        });
    }

    /**
     * The rendered body of a page with a source, through the same cache as {@link #body(Site, SitePage)} but
     * without its site: for the search index, which follows each commit and renders the pages it changed. A page
     * just written through the API is rendered once for both its answer and the index (a second caller waits for
     * the first instead of rendering again).
     */
    public RenderedBody body(SitePage page) {
        return bodies.get(fileKey(page.blobId(), page.path()), key -> engine.render(
                header(new TreeEntry(page.sourcePath(), page.blobId(), TreeEntry.Kind.FILE)), page.sourcePath()));
    }

    /** Parses and renders text that is not (yet) committed; nothing is cached. */
    public PageHeader headerOf(String sourcePath, String text) {
        return engine.readHeader(sourcePath, text);
    }

    /**
     * Parses a file about to be written, {@code text} being its {@code bytes} decoded as UTF-8, and offers the
     * result to the header cache under the blob those bytes make, so that the site's facts, the answer's rendering
     * and the search index need not parse the same text again: four front matter parses per commit before, 3.3 % of
     * all CPU samples under 8 writers on 10,000 pages, 2.5 % after (JFR profiles, bench notes in the README; the
     * rendering's parse went, the facts' halved). Caffeine's admission policy may refuse a new entry into a full
     * cache, and the search index follows a second later, by when the entry is often gone: those parse again.
     * Keyed by content, the entry is right whether the commit happens or not; bytes that a merge changes make
     * another blob, parsed as usual.
     */
    public PageHeader headerOfWrite(String sourcePath, String text, byte[] bytes) {
        PageHeader header = engine.readHeader(sourcePath, text);
        headers.put(fileKey(ContentBytes.blobId(bytes), sourcePath), header);
        return header;
    }

    /**
     * The key of a file's parsed header and rendered body: its blob and its path (relative links resolve against
     * the path, so the same bytes at two paths are two entries). One spelling, so that what headerOfWrite puts is
     * what the readers look up.
     */
    private static String fileKey(String blobId, String path) {
        return blobId + ":" + path;
    }

    public RenderedBody render(PageHeader header, String sourcePath) {
        return engine.render(header, sourcePath);
    }

    private String text(TreeEntry entry, List<Problem> problems) {
        byte[] bytes = store.blob(entry.blobId()).orElse(new byte[0]);
        return ContentBytes.utf8(bytes).orElseGet(() -> {
            problems.add(new Problem(entry.path(), null, Problem.NOT_UTF8,
                    "file is not valid UTF-8; invalid bytes are shown as U+FFFD"));
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }
}
