package dev.inkstone.git;

import dev.inkstone.content.MarkupEngine;
import dev.inkstone.content.PageHeader;
import dev.inkstone.content.RenderedBody;
import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SitePage;
import dev.inkstone.content.SiteService;
import dev.inkstone.render.FlexmarkEngine;
import dev.inkstone.testing.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Markdown file parsed before it is written ({@link SiteService#headerOfWrite}) is not parsed again for the site
 * of the commit that holds those bytes, nor for its rendering; bytes that differ from the parsed ones (a merge, say)
 * are parsed as usual, so what a site shows always comes from the committed blob.
 */
class WrittenHeaderTest {

    @TempDir
    Path dir;

    private TestRepo repo;
    private CountingEngine engine;
    private SiteService sites;

    /** A page whose site has been built once (one parse of it), before each test writes it again. */
    @BeforeEach
    void siteBuiltOnce() throws Exception {
        repo = TestRepo.create(dir);
        repo.write("index.md", "# Home\n").write("a/page.md", "---\ntitle: Old\n---\n\nold body\n");
        repo.commit("start");
        engine = new CountingEngine();
        sites = new SiteService(new GitContentStore(repo.repository(), "main"), engine);
        sites.site(sites.resolve(null));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void aFileParsedBeforeItsCommitIsNotParsedAgain() throws Exception {
        String text = "---\ntitle: New title\ntags: [x]\n---\n\n# Heading\n\nnew body\n";
        sites.headerOfWrite("a/page.md", text, text.getBytes(StandardCharsets.UTF_8));
        repo.write("a/page.md", text);
        String commit = repo.commit("edit");
        Site site = sites.site(new Revision(commit, true));
        SitePage page = site.page("a/page").orElseThrow();
        RenderedBody body = sites.body(site, page);

        assertThat(engine.parses("a/page.md")).isEqualTo(2); // the first site's, and headerOfWrite's
        assertThat(page.info().title()).isEqualTo("New title");
        assertThat(body.html()).contains("new body");
        SiteService fresh = new SiteService(new GitContentStore(repo.repository(), "main"), new FlexmarkEngine());
        Site expected = fresh.site(new Revision(commit, true));
        assertThat(page.info()).isEqualTo(expected.page("a/page").orElseThrow().info());
        assertThat(body.html()).isEqualTo(fresh.body(expected, expected.page("a/page").orElseThrow()).html());
    }

    @Test
    void otherBytesThanTheParsedOnesAreParsedFromTheCommit() throws Exception {
        String parsed = "---\ntitle: Parsed\n---\n\nparsed body\n";
        sites.headerOfWrite("a/page.md", parsed, parsed.getBytes(StandardCharsets.UTF_8));
        repo.write("a/page.md", "---\ntitle: Committed\n---\n\ncommitted body\n");
        String commit = repo.commit("edit");
        Site site = sites.site(new Revision(commit, true));
        SitePage page = site.page("a/page").orElseThrow();

        assertThat(page.info().title()).isEqualTo("Committed");
        assertThat(sites.body(site, page).html()).contains("committed body").doesNotContain("parsed body");
        assertThat(engine.parses("a/page.md")).isEqualTo(4); // first site, headerOfWrite, facts, body
    }

    /** The real engine, counting how often each file's header is read. */
    private static final class CountingEngine implements MarkupEngine {
        private final FlexmarkEngine engine = new FlexmarkEngine();
        private final Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();

        @Override
        public PageHeader readHeader(String sourcePath, String text) {
            parses.computeIfAbsent(sourcePath, path -> new AtomicInteger()).incrementAndGet();
            return engine.readHeader(sourcePath, text);
        }

        @Override
        public RenderedBody render(PageHeader header, String sourcePath) {
            return engine.render(header, sourcePath);
        }

        int parses(String sourcePath) {
            return parses.getOrDefault(sourcePath, new AtomicInteger()).get();
        }
    }
}
