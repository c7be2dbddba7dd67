package dev.inkstone.git;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;

/**
 * JGit reads a repository's commit-graph only when {@code core.commitGraph} is on (user config and up), and the
 * changed-path Bloom filters in it only when {@code commitGraph.readChangedPaths} is on in JGit's own config
 * ({@code SystemReader.getJGitConfig()}, not the repository's); both default to off. The service cannot rely on
 * the host's files, so it layers the two settings over them through its own {@link SystemReader}. Then a
 * {@link PathWalk} can skip commits without opening their trees. It also sizes JGit's pack window cache for
 * whole-history passes.
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
        packWindows();
        installed = true;
    }

    /**
     * JGit's pack window cache defaults to 10 MiB of 8 KiB windows on the heap: a pass over a repository whose packs
     * are hundreds of MiB (the history index, a walk for a rarely changed file) spent most of its time evicting and
     * re-reading windows. Memory-mapped windows live outside the heap, so a larger limit costs no heap (64 KiB
     * windows: fewer to look through than 8 KiB ones, measured a little faster on the history index build); the delta
     * base cache (on the heap) keeps the bases of deltified trees that consecutive commits share. Both are bounded
     * with the process in mind: mapped pages count in its resident memory (128 MiB of windows over a 126 MiB pack
     * put the RSS after touching every page at 426 MB; 32 MiB bounds that; 8 MiB, now, took 8 MiB of file-backed
     * RSS off on 10,000 pages, and a window that is mapped again comes from the page cache), and the delta base
     * cache comes out of the heap the service's own caches are shares of ({@code CacheBudget}), so it is a
     * sixteenth of the heap (10 MiB at the recommended 160 MiB), at most 32 MiB.
     */
    static final long PACK_WINDOWS_BYTES = 8L * WindowCacheConfig.MB;

    private static void packWindows() {
        WindowCacheConfig windows = new WindowCacheConfig();
        windows.setPackedGitMMAP(true);
        windows.setPackedGitLimit(PACK_WINDOWS_BYTES);
        windows.setPackedGitWindowSize(64 * WindowCacheConfig.KB);
        windows.setDeltaBaseCacheLimit((int) Math.min(32L * WindowCacheConfig.MB,
                Runtime.getRuntime().maxMemory() / 16));
        windows.install();
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
