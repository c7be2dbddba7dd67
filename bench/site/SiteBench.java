import dev.inkstone.content.Revision;
import dev.inkstone.content.SiteService;
import dev.inkstone.git.GitContentStore;
import dev.inkstone.render.FlexmarkEngine;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * A site per commit, in process: the first (cold) site of the oldest of the last 400 commits, then the site of each
 * following commit, derived from the one before by the tree diff (three rounds, each on a fresh service), beside a
 * whole-tree walk of a revision as the reference measured in the same run.
 *
 * <pre>bench/site/run REPO.git</pre>
 */
public final class SiteBench {

    public static void main(String[] args) throws Exception {
        Repository repo = new FileRepositoryBuilder().setGitDir(new File(args[0])).build();
        GitContentStore store = new GitContentStore(repo, "main");
        List<String> chain = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(repo.resolve("main"));
            for (int i = 0; i < 400 && commit != null; i++) {
                chain.add(0, commit.name());
                commit = commit.getParentCount() > 0 ? walk.parseCommit(commit.getParent(0)) : null;
            }
        }
        SiteService sites = new SiteService(store, new FlexmarkEngine());
        long start = System.nanoTime();
        sites.site(new Revision(chain.get(0), true));
        System.out.printf("first (cold) site: %.1f ms%n", (System.nanoTime() - start) / 1e6);
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            for (int i = 1; i < chain.size(); i++) {
                sites.site(new Revision(chain.get(i), true));
            }
            double derived = (System.nanoTime() - t) / 1e6 / (chain.size() - 1);
            t = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                store.tree(new Revision(chain.get(chain.size() - 1 - i), true));
            }
            double walk = (System.nanoTime() - t) / 1e6 / 50;
            System.out.printf("round %d: derived site %.2f ms per commit; whole-tree walk alone %.2f ms; ratio %.2f%n",
                    round, derived, walk, derived / walk);
            sites = new SiteService(store, new FlexmarkEngine());
            sites.site(new Revision(chain.get(0), true));
        }
    }
}
