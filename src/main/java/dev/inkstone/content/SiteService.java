package dev.inkstone.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves revisions and derives their sites, with the caches that make repeated reads cheap: a site per
 * commit id, a header per blob, a rendered body per (blob, page). All keys are immutable Git ids, so nothing
 * cached can go stale.
 */
public final class SiteService {

    private final ContentStore store;
    private final MarkupEngine engine;
    // Maintenance runs on the calling thread: the common pool is also where parallel header parsing runs.
    private final Cache<String, Site> sites = Caffeine.newBuilder().executor(Runnable::run).maximumSize(16).build();
    private final Cache<String, Redirects> redirects = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(16).build();
    private final Cache<String, PageHeader> headers = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(50_000).build();
    private final Cache<String, RenderedBody> bodies = Caffeine.newBuilder().executor(Runnable::run)
            .maximumWeight(256L << 20)
            .weigher((String key, RenderedBody body) -> body.html().length() * 2 + 256)
            .build();

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
        List<TreeEntry> tree = store.tree(revision);
        // Reading and parsing thousands of headers is the cost of a new site, so it is spread over the cores, and
        // outside the cache's compute: parallel work inside a compute can deadlock against the cache's own locks.
        tree.parallelStream().filter(TreeEntry::isMarkdown).forEach(this::header);
        return sites.get(revision.commit(), commit -> new SiteBuilder(this::header).build(revision, tree));
    }

    /** Builds the branch tip's site ahead of the first request, so it is ready when a client asks. */
    public void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                site(resolve(null));
            } catch (RuntimeException e) {
                // An empty or unreadable branch is reported by the first request that needs it.
            }
        }, "inkstone-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public PageHeader header(TreeEntry entry) {
        return headers.get(entry.blobId() + ":" + entry.path(), key -> {
            List<Problem> problems = new ArrayList<>();
            String text = text(entry, problems);
            PageHeader header = engine.readHeader(entry.path(), text);
            if (problems.isEmpty()) {
                return header;
            }
            problems.addAll(header.problems());
            return new PageHeader(header.frontMatter(), header.body(), header.bodyStartLine(), header.firstHeading(),
                    List.copyOf(problems), header.frontMatterError());
        });
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
        return bodies.get(page.blobId() + ":" + page.path(), key -> {
            TreeEntry entry = site.files().get(page.sourcePath());
            return engine.render(header(entry), page.sourcePath());
        });
    }

    /** Parses and renders text that is not (yet) committed; nothing is cached. */
    public PageHeader headerOf(String sourcePath, String text) {
        return engine.readHeader(sourcePath, text);
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
