package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the small packs that group commit leaves behind (one per batch) into one, so object lookups do not
 * search hundreds of pack indexes: JGit looks for an object pack by pack, and a miss rescans the directory.
 *
 * <p>Why not JGit's {@code GC}: it repacks everything reachable, minutes of CPU on a repository with 100,000
 * commits, and C Git's auto-gc is switched off on the served repository on purpose. This merges packs by size tier,
 * like a log-structured merge: many tiny packs into one small one, many small ones into one medium one; packs of
 * {@link #LARGE_PACK_BYTES} or more (a clone's pack, a large push) are never touched. So each object is rewritten a
 * few times at most, and the cost of a merge is proportional to what was written since. It runs on the writer
 * thread between batches: no other writer can add packs meanwhile. The new pack and its index are fsynced and in
 * place, and in JGit's list (first), before any old pack is deleted: every object is in a durable pack at every
 * moment, and lookups find it in the merged pack; a reader in the middle of an old pack keeps reading it (POSIX
 * unlink).
 */
final class PackCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(PackCompactor.class);
    /** Packs below this size are tiny (a batch or a few); tiny packs are merged when 24 have accumulated. */
    static final long TINY_PACK_BYTES = 1L << 20;
    /** Packs at or above this size are left alone; those between are merged when 8 have accumulated. */
    static final long LARGE_PACK_BYTES = 32L << 20;
    static final int TINY_PACKS_BEFORE_MERGE = 24;
    static final int SMALL_PACKS_BEFORE_MERGE = 8;
    /**
     * While writes are waiting a merge is put off (it would delay them), but only up to this many times the idle
     * threshold: under sustained load the writer is never idle, and the pack count must stay bounded anyway.
     */
    static final int BUSY_FACTOR = 2;

    private final Repository repository;

    PackCompactor(Repository repository) {
        this.repository = repository;
    }

    /**
     * Merges the small packs if there are enough of them; returns how many were merged (0: nothing done).
     *
     * @param writesWaiting whether commits are queued: then the merge waits for {@link #BUSY_FACTOR} times as many
     */
    int compactIfNeeded(boolean writesWaiting) throws IOException {
        if (!(repository.getObjectDatabase() instanceof ObjectDirectory objects)) {
            return 0;
        }
        List<Pack> tiny = new ArrayList<>();
        List<Pack> small = new ArrayList<>();
        for (Pack pack : objects.getPacks()) {
            long size = pack.getPackFile().length();
            if (!pack.shouldBeKept() && size < LARGE_PACK_BYTES) {
                (size < TINY_PACK_BYTES ? tiny : small).add(pack);
            }
        }
        int factor = writesWaiting ? BUSY_FACTOR : 1;
        if (tiny.size() >= TINY_PACKS_BEFORE_MERGE * factor) {
            merge(objects, tiny);
            return tiny.size();
        }
        if (small.size() >= SMALL_PACKS_BEFORE_MERGE * factor) {
            merge(objects, small);
            return small.size();
        }
        return 0;
    }

    private void merge(ObjectDirectory objects, List<Pack> packs) throws IOException {
        long started = System.nanoTime();
        Path directory = objects.getPackDirectory().toPath();
        Map<ObjectId, Integer> types = new LinkedHashMap<>();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            for (Pack pack : packs) {
                PackIndex index = pack.getIndex();
                for (PackIndex.MutableEntry entry : index) {
                    ObjectId id = entry.toObjectId();
                    if (!types.containsKey(id)) {
                        types.put(id, reader.open(id).getType());
                    }
                }
            }
            List<RevObject> list = new ArrayList<>(types.size());
            types.forEach((id, type) -> list.add(walk.lookupAny(id, type)));
            PackConfig config = new PackConfig(repository);
            config.setCompressionLevel(1);
            try (PackWriter writer = new PackWriter(config, reader)) {
                writer.setUseBitmaps(false);
                writer.preparePack(list.iterator());
                String name = "pack-" + writer.computeName().name();
                Path packTemp = Files.createTempFile(directory, "inkstone-merge-", ".pack.tmp");
                Path indexTemp = Files.createTempFile(directory, "inkstone-merge-", ".idx.tmp");
                try {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packTemp))) {
                        writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
                    }
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(indexTemp))) {
                        writer.writeIndex(out);
                    }
                    Durability.syncFile(packTemp);
                    Durability.syncFile(indexTemp);
                    Path packFile = directory.resolve(name + ".pack");
                    Path indexFile = directory.resolve(name + ".idx");
                    // The pack first: a reader that finds the index finds its pack.
                    Files.move(packTemp, packFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(indexTemp, indexFile, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    Durability.syncDirectory(directory);
                    // JGit finds a new pack only when a lookup misses, so readers would go on looking in the old
                    // packs, and each one whose file is closed by then fails as "corrupt" before JGit retries.
                    // Listed first (JGit puts an opened pack at the head), the merged pack answers every lookup of
                    // what the old ones held before any of them is deleted.
                    objects.openPack(packFile.toFile());
                    for (Pack pack : packs) {
                        Path old = pack.getPackFile().toPath();
                        if (old.equals(packFile)) {
                            continue; // the same objects merged again give the same name
                        }
                        String base = old.getFileName().toString().replaceFirst("\\.pack$", "");
                        Files.deleteIfExists(old);
                        for (String extension : new String[]{".idx", ".rev", ".bitmap"}) {
                            Files.deleteIfExists(directory.resolve(base + extension));
                        }
                    }
                    Durability.syncDirectory(directory);
                    // Listing the packs makes JGit rescan the changed directory and drop the deleted ones now.
                    objects.getPacks();
                } finally {
                    Files.deleteIfExists(packTemp);
                    Files.deleteIfExists(indexTemp);
                }
            }
        }
        LOG.info("merged {} packs ({} objects) in {} ms", packs.size(), types.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
