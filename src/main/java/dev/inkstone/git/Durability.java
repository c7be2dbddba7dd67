package dev.inkstone.git;

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

    static Set<String> packNames(Repository repository) throws IOException {
        Set<String> names = new HashSet<>();
        Path packs = packDirectory(repository);
        if (Files.isDirectory(packs)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(packs)) {
                stream.forEach(path -> names.add(path.getFileName().toString()));
            }
        }
        return names;
    }

    /**
     * Fsyncs the pack files that appeared since {@code before}, then the pack directory that names them. The files
     * are fsynced concurrently (a pack and its index: two waits for the disk become about one); the directory only
     * after both, so it never names a file that is not yet durable.
     */
    static void syncNewPacks(Repository repository, Set<String> before) throws IOException {
        Path packs = packDirectory(repository);
        List<CompletableFuture<Void>> syncs = new ArrayList<>();
        for (String name : packNames(repository)) {
            if (!before.contains(name) && (name.endsWith(".pack") || name.endsWith(".idx"))) {
                Path file = packs.resolve(name);
                syncs.add(CompletableFuture.runAsync(() -> {
                    try {
                        syncFile(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, SYNCS));
            }
        }
        try {
            CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
        }
        syncDirectory(packs);
    }

    /** Fsyncs the directory holding a loose ref after JGit renamed the ref's lock file into place. */
    static void syncRefDirectory(Repository repository, String refName) throws IOException {
        File refFile = new File(repository.getDirectory(), refName);
        syncDirectory(refFile.getParentFile().toPath());
    }

    private static Path packDirectory(Repository repository) {
        return repository.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory objects
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
