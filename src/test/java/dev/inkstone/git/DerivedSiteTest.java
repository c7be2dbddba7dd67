package dev.inkstone.git;

import dev.inkstone.content.Revision;
import dev.inkstone.content.Site;
import dev.inkstone.content.SiteService;
import dev.inkstone.render.FlexmarkEngine;
import dev.inkstone.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site derived from the previously built one plus a tree diff must equal the site built from the whole tree:
 * a long random walk of edits (titles and orders that reshuffle siblings, adds, deletes, renames, shadowing
 * {@code x.md} by {@code x/index.md}, non-Markdown files, symbolic links, broken front matter), each revision
 * compared between a service that saw every revision before it and a fresh one.
 */
class DerivedSiteTest {

    @TempDir
    Path dir;

    @Test
    void derivedSitesEqualSitesBuiltFromTheWholeTree() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n").write("a/index.md", "---\ntitle: A\n---\n").write("a/one.md", "# One\n");
            List<String> commits = new ArrayList<>();
            commits.add(repo.commit("start"));
            SiteService following = sites(repo);
            following.site(revision(commits.get(0)));
            Random random = new Random(7);
            List<String> files = new ArrayList<>(List.of("index.md", "a/index.md", "a/one.md"));
            for (int step = 0; step < 60; step++) {
                mutate(repo, random, files, step);
                String commit = repo.commit("step " + step);
                commits.add(commit);
                assertSame(following.site(revision(commit)), sites(repo).site(revision(commit)), "step " + step);
            }
            // Far apart in either direction: back to the first commit, then forward to the last again.
            assertSame(following.site(revision(commits.get(0))), sites(repo).site(revision(commits.get(0))), "back");
            String last = commits.get(commits.size() - 1);
            SiteService fresh = sites(repo);
            fresh.site(revision(commits.get(0)));
            assertSame(fresh.site(revision(last)), sites(repo).site(revision(last)), "forward");
        }
    }

    /**
     * A site large enough that derived sites share their base's maps (overlays) instead of copying them: a long run
     * of edits to existing pages, titles and orders that reshuffle siblings, with an occasional new page that forces
     * a full build in between, each compared with a site built from the whole tree.
     */
    @Test
    void sitesDerivedByOverlaysEqualSitesBuiltFromTheWholeTree() throws Exception {
        try (TestRepo repo = TestRepo.create(dir)) {
            repo.write("index.md", "# Home\n");
            for (int i = 0; i < 150; i++) {
                repo.write("s" + i % 5 + "/p" + i + ".md", "---\ntitle: P" + i + "\n---\n\nbody " + i + "\n");
            }
            SiteService following = sites(repo);
            following.site(revision(repo.commit("start")));
            Random random = new Random(11);
            int overlaid = 0;
            for (int step = 0; step < 80; step++) {
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int i = random.nextInt(150);
                    repo.write("s" + i % 5 + "/p" + i + ".md", "---\ntitle: T" + random.nextInt(20) + "\norder: "
                            + random.nextInt(3) + "\n---\n\nstep " + step + "\n");
                }
                if (step % 25 == 24) {
                    repo.write("s9/new" + step + ".md", "# New\n");
                }
                String commit = repo.commit("step " + step);
                Site derived = following.site(revision(commit));
                if (derived.pages().getClass().getSimpleName().equals("OverlayMap")) {
                    overlaid++;
                }
                assertSame(derived, sites(repo).site(revision(commit)), "step " + step);
            }
            assertThat(overlaid).as("derived sites that shared their base").isGreaterThan(40);
        }
    }

    private static void mutate(TestRepo repo, Random random, List<String> files, int step) throws Exception {
        String folder = List.of("a", "b", "b/c", "d").get(random.nextInt(4));
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                String file = folder + "/p" + random.nextInt(12) + ".md";
                repo.write(file, "---\ntitle: T" + random.nextInt(5) + "\norder: " + random.nextInt(4)
                        + "\n---\n\n# H\n\nstep " + step + "\n");
                files.add(file);
            }
            case 2 -> {
                String file = files.get(random.nextInt(files.size()));
                if (!file.equals("index.md") && Files.exists(repo.dir().resolve(file))) {
                    repo.delete(file);
                }
            }
            case 3 -> {
                String file = files.get(random.nextInt(files.size()));
                String target = folder + "/moved" + step + ".md";
                if (!file.equals("index.md") && Files.exists(repo.dir().resolve(file))) {
                    Files.createDirectories(repo.dir().resolve(folder));
                    Files.move(repo.dir().resolve(file), repo.dir().resolve(target));
                    files.add(target);
                }
            }
            case 4 -> repo.write(folder + ".md", "---\ntitle: Shadow " + step + "\n---\n");
            case 5 -> repo.write(folder + "/index.md", "---\ntitle: Section " + step + "\nhidden: "
                    + random.nextBoolean() + "\n---\n");
            case 6 -> repo.write(folder + "/img" + random.nextInt(3) + ".png", "png " + step);
            default -> {
                if (random.nextBoolean()) {
                    repo.write(folder + "/bad.md", "---\ntitle: [unclosed\n---\n");
                } else {
                    Path link = repo.dir().resolve(folder + "/link" + random.nextInt(2) + ".md");
                    Files.createDirectories(link.getParent());
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, Path.of("elsewhere.md"));
                }
            }
        }
    }

    private static void assertSame(Site derived, Site whole, String when) {
        assertThat(derived.tree()).as(when + ": tree").isEqualTo(whole.tree());
        assertThat(derived.files()).as(when + ": files").containsExactlyEntriesOf(whole.files());
        assertThat(derived.pages()).as(when + ": pages").isEqualTo(whole.pages());
        assertThat(derived.problems()).as(when + ": problems").isEqualTo(whole.problems());
    }

    private static SiteService sites(TestRepo repo) {
        return new SiteService(new GitContentStore(repo.repository(), "main"), new FlexmarkEngine());
    }

    private static Revision revision(String commit) {
        return new Revision(commit, true);
    }
}
