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
            // JGit asks for the user config on every Repository.getConfig() (to see whether it changed), several
            // times per commit: a layer is made once per config the host's reader returns, not once per call (a
            // JFR profile of 8 writers put 1 % of all CPU samples into building layers).
            private final LayerPerBase user = new LayerPerBase();
            private final LayerPerBase jgit = new LayerPerBase();

            @Override
            public StoredConfig getUserConfig() throws ConfigInvalidException, IOException {
                return user.over(super.getUserConfig());
            }

            @Override
            public StoredConfig getJGitConfig() throws ConfigInvalidException, IOException {
                return jgit.over(super.getJGitConfig());
            }
        });
        packWindows();
        installed = true;
    }

    /**
     * JGit's pack window cache defaults to 10 MiB of 8 KiB windows on the heap: a pass over a repository whose packs
     * are hundreds of MiB (the history index, a walk for a rarely changed file) spent most of its time evicting and
     * re-reading windows; 64 KiB windows are fewer to look through (measured a little faster on the history index
     * build). The windows are on the heap, not memory-mapped: mapped windows count in the process's resident memory
     * beyond their limit (an evicted window stays mapped until a collection frees its buffer), 18 MB of file-backed
     * RSS after touching 10,000 pages with a limit of 8 MiB, where 4 MiB on the heap are part of a heap that is all
     * resident anyway ({@code bench/memory.py}: 344 → 318 MB at a 160 MiB heap, bench notes in the README). The
     * delta base cache keeps the bases of deltified trees that consecutive commits share. Both come out of the heap
     * the service's own caches are shares of ({@code CacheBudget}): the windows 4 MiB, the delta base cache a 32nd
     * of the heap (4 MiB at the recommended 128 MiB), at most 32 MiB.
     */
    static final long PACK_WINDOWS_BYTES = 4L * WindowCacheConfig.MB;

    private static void packWindows() {
        WindowCacheConfig windows = new WindowCacheConfig();
        windows.setPackedGitMMAP(false);
        windows.setPackedGitLimit(PACK_WINDOWS_BYTES);
        windows.setPackedGitWindowSize(64 * WindowCacheConfig.KB);
        windows.setDeltaBaseCacheLimit((int) Math.min(32L * WindowCacheConfig.MB,
                Runtime.getRuntime().maxMemory() / 32));
        windows.install();
    }

    /**
     * The layer over the last base config seen. A layer reads through to its base, so it stays right when the base
     * reloads itself; a base that is a new object gets a new layer.
     */
    private static final class LayerPerBase {
        private volatile Layered last;

        StoredConfig over(StoredConfig base) {
            Layered layer = last;
            if (layer == null || layer.base != base) {
                layer = new Layered(base);
                last = layer;
            }
            return layer;
        }
    }

    /** A host config with the two commit-graph reads switched on; never saved anywhere. */
    private static final class Layered extends StoredConfig {
        private final Config base;

        Layered(Config base) {
            super(base);
            this.base = base;
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
