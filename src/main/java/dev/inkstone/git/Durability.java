package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What JGit leaves out of "on disk": it fsyncs a ref's lock file only when {@code core.fsyncRefFiles} is set,
 * never the directory a renamed file lands in, and its pack inserter fsyncs nothing. These helpers close the gaps.
 */
final class Durability {

    /** Threads that wait for fsyncs; the writer hands them the files of one batch at once. */
    private static final ExecutorService SYNCS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "inkstone-fsync");
        thread.setDaemon(true);
        return thread;
    });

    private Durability() {
    }

    /**
     * Makes JGit fsync ref lock files before renaming them, and keeps C Git's auto-gc out of our packs. Objects are
     * written as packs and fsynced here, so the deprecated {@code core.fsyncObjectFiles} is not needed.
     */
    static void configure(Repository repository) throws IOException {
        StoredConfig config = repository.getConfig();
        boolean dirty = false;
        if (!config.getBoolean("core", "fsyncRefFiles", false)) {
            config.setBoolean("core", null, "fsyncRefFiles", true);
            dirty = true;
        }
        if (config.getInt("gc", "auto", 6700) != 0) {
            config.setInt("gc", null, "auto", 0);
            dirty = true;
        }
        if (dirty) {
            config.save();
        }
    }

    /**
     * The pack files there are now, to tell afterwards which ones a batch wrote. JGit's own list, not the
     * directory: the pack inserter puts the pack it wrote into that list ({@code ObjectDirectory.openPack}), and
     * listing a directory of some hundred packs before and after every batch took 2–3 % of the CPU under 8 writers
     * on 10,000 pages (a JFR profile, bench notes in the README). The {@link File}s are JGit's, one per pack, so
     * their hashes are computed once.
     */
    static Set<File> packFiles(Repository repository) throws IOException {
        Set<File> files = new HashSet<>();
        if (repository.getObjectDatabase() instanceof ObjectDirectory objects) {
            for (Pack pack : objects.getPacks()) {
                files.add(pack.getPackFile());
            }
            return files;
        }
        Path packs = packDirectory(repository);
        if (Files.isDirectory(packs)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(packs, "*.pack")) {
                stream.forEach(path -> files.add(path.toFile()));
            }
        }
        return files;
    }

    /**
     * Fsyncs the packs and their indexes that appeared since {@code before}, then the pack directory that names
     * them. The files are fsynced concurrently (a pack and its index: two waits for the disk become about one); the
     * directory only after both, so it never names a file that is not yet durable.
     */
    static void syncNewPacks(Repository repository, Set<File> before) throws IOException {
        List<CompletableFuture<Void>> syncs = new ArrayList<>();
        for (File pack : packFiles(repository)) {
            if (!before.contains(pack)) {
                String name = pack.getName();
                File index = new File(pack.getParentFile(), name.substring(0, name.length() - ".pack".length()) + ".idx");
                for (File file : List.of(pack, index)) {
                    syncs.add(CompletableFuture.runAsync(() -> {
                        try {
                            syncFile(file.toPath());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, SYNCS));
                }
            }
        }
        try {
            CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
        }
        syncDirectory(packDirectory(repository));
    }

    /** Fsyncs the directory holding a loose ref after JGit renamed the ref's lock file into place. */
    static void syncRefDirectory(Repository repository, String refName) throws IOException {
        File refFile = new File(repository.getDirectory(), refName);
        syncDirectory(refFile.getParentFile().toPath());
    }

    private static Path packDirectory(Repository repository) {
        return repository.getObjectDatabase() instanceof ObjectDirectory objects
                ? objects.getPackDirectory().toPath()
                : repository.getDirectory().toPath().resolve("objects/pack");
    }

    static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
