package dev.inkstone.git;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;

/**
 * JGit reads a repository's commit-graph, and the changed-path Bloom filters in it, only when the user-level
 * config says so ({@code core.commitGraph}, {@code commitGraph.readChangedPaths}); both default to off. The
 * service cannot rely on the host's ~/.gitconfig, so it layers those two settings over it through its own
 * {@link SystemReader}. Then a {@code ChangedPathTreeFilter} walk skips most commits without opening their trees.
 */
final class CommitGraphReads {

    private static volatile boolean installed;

    private CommitGraphReads() {
    }

    static synchronized void enable() {
        if (installed) {
            return;
        }
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public StoredConfig getUserConfig() throws ConfigInvalidException, IOException {
                return new Layered(super.getUserConfig());
            }
        });
        installed = true;
    }

    /** The host's user config with the two commit-graph reads switched on; never saved anywhere. */
    private static final class Layered extends StoredConfig {
        Layered(Config base) {
            super(base);
            setBoolean("core", null, "commitGraph", true);
            setBoolean("commitGraph", null, "readChangedPaths", true);
        }

        @Override
        public void load() {
            // nothing to load: the layer lives in memory
        }

        @Override
        public void save() {
            // never written: the host's own config stays untouched
        }
    }
}
