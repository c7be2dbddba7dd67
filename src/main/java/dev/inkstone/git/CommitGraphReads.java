package dev.inkstone.git;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;

/**
 * JGit reads a repository's commit-graph only when {@code core.commitGraph} is on (user config and up), and the
 * changed-path Bloom filters in it only when {@code commitGraph.readChangedPaths} is on in JGit's own config
 * ({@code SystemReader.getJGitConfig()}, not the repository's); both default to off. The service cannot rely on
 * the host's files, so it layers the two settings over them through its own {@link SystemReader}. Then a
 * {@code ChangedPathTreeFilter} walk can skip commits without opening their trees.
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

            @Override
            public StoredConfig getJGitConfig() throws ConfigInvalidException, IOException {
                return new Layered(super.getJGitConfig());
            }
        });
        installed = true;
    }

    /** A host config with the two commit-graph reads switched on; never saved anywhere. */
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
