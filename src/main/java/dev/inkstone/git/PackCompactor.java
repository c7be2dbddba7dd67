package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.BasePackIndexWriter;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
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
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the small packs that group commit leaves behind (one per batch) into one, so object lookups do not
 * search hundreds of pack indexes: JGit looks for an object pack by pack, and a miss rescans the directory.
 *
 * <p>Why not JGit's {@code GC}: it repacks everything reachable, minutes of CPU on a repository with 100,000
 * commits, and C Git's auto-gc is switched off on the served repository on purpose. This merges packs by size tier,
 * like a log-structured merge: many tiny packs into one small one, several small ones into one large one; packs of
 * {@link #LARGE_PACK_BYTES} or more (those merges, a clone's pack, a large push) are never touched. The tiers grow by
 * about eight, so a merged pack leaves its tier instead of being merged again with every few new ones: with two tiers
 * above tiny, a 10,000-page bench run rewrote the same growing pack of up to 100,000 objects every few seconds (one
 * merge took 5 s). Each object is rewritten about once per tier. Tiny packs (the writer's batches, whole objects)
 * are merged by copying their entries as they are ({@link PackConcatenation}); small ones go through JGit's
 * {@code PackWriter}, which deltifies what the batches stored whole.
 *
 * <p>Why large packs are left alone: one more tier merged eight large packs, about 200,000 objects, which took
 * 30 s of a core and, with the merge's working set on top of the live heap, a full collection every second
 * (bench/probe_writes.py with JFR: writes fell to a tenth meanwhile). So the pack count grows by one per ~10 MB of
 * new objects (about 2,500 commits in that bench), which lookups bear easily; {@code git gc} on the repository
 * during maintenance folds them into one.
 *
 * <p>The writer runs it on threads of its own ({@link GitContentWriter}, {@link PackMergeThread}), one for the quick
 * tiny merges and one for the small tier, whose merges can take seconds: they choose (disjoint tiers) under the
 * writer's batch lock, so a pack whose batch is still being made durable is never chosen, then {@link #merge} beside
 * new batches.
 * The new pack and its index are fsynced and in place, and in JGit's list (first), before any old pack is deleted:
 * every object is in a durable pack at every moment, and lookups find it in the merged pack; a reader in the middle
 * of an old pack keeps reading it (POSIX unlink).
 *
 * <p>Why the old packs are retired, and deleted only {@link #RETIRED_GRACE} later: a JGit lookup walks one array of
 * the pack list, read when it started. If a pack in that array is deleted under it, JGit drops the pack and then
 * looks at the list again only if the pack directory's modification time says it changed (JGit 7.5,
 * {@code PackDirectory.open} and {@code searchPacksAgain}); on a file system whose timestamps are coarser than JGit
 * believes, a lookup that began before the merged pack was listed can answer "missing" for an object that is safely
 * in the merged pack. That is the one way we found for a merge to make a read miss, and it fits the one failure seen:
 * in a CI run a reader found the branch's tip commit missing while merges ran beside the writes (not reproduced here,
 * where directory timestamps have nanosecond steps). Deleting a merged pack only after every lookup that could still
 * hold the old array has long finished takes that window away, whatever the timestamps. Retired packs are never
 * chosen again; one left by a stopped process is merged with the next tier (its objects are then in two packs,
 * which Git allows).
 */
final class PackCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(PackCompactor.class);
    /** Packs below this size are tiny (a batch or a few); tiny packs are merged when 24 have accumulated. */
    static final long TINY_PACK_BYTES = 1L << 20;
    /** Packs at or above this size are left alone; small ones (from tiny up to this) are merged when 8 accumulate. */
    static final long LARGE_PACK_BYTES = 8L << 20;
    static final int TINY_PACKS_BEFORE_MERGE = 24;
    static final int SMALL_PACKS_BEFORE_MERGE = 8;
    /**
     * While writes are waiting a merge is put off (it competes with them for the CPU), but only up to this many
     * times the idle threshold: under sustained load the writer is never idle, and the pack count must stay bounded.
     */
    static final int BUSY_FACTOR = 2;
    /**
     * Past this many tiny packs the writer waits for the tiny merges before its next batch. The small tier holds at
     * most twice its busy threshold, merged beside (a merge of 30,000 objects took 2 s).
     */
    static final int MAX_TINY_PACKS = TINY_PACKS_BEFORE_MERGE * BUSY_FACTOR * 3;

    /** How long a merged pack stays on disk after the pack holding its objects is listed (see the class comment). */
    static final Duration RETIRED_GRACE = Duration.ofSeconds(2);

    private final Repository repository;
    private final Duration grace;
    /**
     * Packs merged into another and not yet deleted: file name → when they were retired ({@link System#nanoTime}).
     * Guarded by itself, which is held while retired packs are deleted, so {@link #livePacks} counts exactly.
     */
    private final Map<String, Long> retired = new HashMap<>();
    /** Retired packs deleted since, while JGit may still list them; guarded by {@link #retired}. */
    private final Set<String> deleted = new HashSet<>();
    /**
     * What {@link #tier} needs of each pack JGit lists, read once (pack files never change): keyed by JGit's
     * {@link Pack} object, which JGit keeps while the file is there, so the check after every batch allocates no
     * name and hashes no string. Guarded by {@link #retired}.
     */
    private final Map<Pack, Known> known = new IdentityHashMap<>();

    /** A pack's file name, size and modification time. */
    private record Known(String name, long size, long modified) {
    }

    PackCompactor(Repository repository) {
        this(repository, RETIRED_GRACE);
    }

    /** With another grace: {@link Duration#ZERO} deletes merged packs at once (tests of the pack count). */
    PackCompactor(Repository repository, Duration grace) {
        this.repository = repository;
        this.grace = grace;
    }

    Duration grace() {
        return grace;
    }

    /**
     * Chooses and merges in one go on the caller's thread, then deletes the retired packs that are due; returns how
     * many packs were merged (0: nothing done).
     *
     * @param writesWaiting whether commits are queued: then a merge waits for {@link #BUSY_FACTOR} times as many
     */
    int compactIfNeeded(boolean writesWaiting) throws IOException {
        List<Pack> chosen = choose(writesWaiting);
        if (!chosen.isEmpty()) {
            merge(chosen);
            deleteRetired();
        }
        return chosen.size();
    }

    /** The packs of the lowest tier that has enough of them to merge, or none. */
    List<Pack> choose(boolean writesWaiting) {
        List<Pack> tiny = chooseTiny(writesWaiting);
        return tiny.isEmpty() ? chooseSmall(writesWaiting) : tiny;
    }

    /** The tiny packs, if enough have accumulated: quick merges, of what the last few seconds of batches left. */
    List<Pack> chooseTiny(boolean writesWaiting) {
        List<Pack> tiny = tier(0, TINY_PACK_BYTES, Duration.ZERO);
        return tiny.size() >= TINY_PACKS_BEFORE_MERGE * (writesWaiting ? BUSY_FACTOR : 1) ? tiny : List.of();
    }

    /**
     * The small packs, if enough have accumulated: merges that can take a second or two. Only packs merged more than
     * twice the grace ago: until the packs merged into one are deleted, a merge of it may copy objects from them
     * (JGit looks in every pack for the cheapest copy), and fails when they go.
     */
    List<Pack> chooseSmall(boolean writesWaiting) {
        List<Pack> small = tier(TINY_PACK_BYTES, LARGE_PACK_BYTES, grace.multipliedBy(2));
        return small.size() >= SMALL_PACKS_BEFORE_MERGE * (writesWaiting ? BUSY_FACTOR : 1) ? small : List.of();
    }

    /**
     * The packs (not retired, not deleted, not marked to be kept) of at least {@code from} and below {@code to}
     * bytes, written at least {@code minAge} ago. Chosen under the lock that deletions hold: JGit can still list a
     * pack whose files were deleted a moment ago (its length then reads 0, which would make it look tiny). Runs
     * after every batch, on a list of a hundred packs or more: a pack's size is read once (pack files never
     * change), and the file system is asked about the candidates only.
     */
    private List<Pack> tier(long from, long to, Duration minAge) {
        if (!(repository.getObjectDatabase() instanceof ObjectDirectory objects)) {
            return List.of();
        }
        long writtenBefore = System.currentTimeMillis() - minAge.toMillis();
        List<Pack> packs = new ArrayList<>();
        Collection<Pack> listed = objects.getPacks();
        synchronized (retired) {
            for (Pack pack : listed) {
                Known facts = known.get(pack);
                if (facts == null) {
                    File file = pack.getPackFile();
                    long size = file.length();
                    if (size == 0) {
                        continue; // gone (deleted by someone else) or not a pack
                    }
                    facts = new Known(file.getName(), size, file.lastModified());
                    known.put(pack, facts);
                }
                if (retired.containsKey(facts.name()) || deleted.contains(facts.name())) {
                    continue;
                }
                if (facts.size() >= from && facts.size() < to && !pack.shouldBeKept()
                        && (minAge.isZero() || facts.modified() <= writtenBefore)) {
                    packs.add(pack);
                }
            }
            if (known.size() + deleted.size() > 2 * listed.size() + 64) {
                Set<Pack> still = Collections.newSetFromMap(new IdentityHashMap<>());
                still.addAll(listed);
                known.keySet().retainAll(still);
                Set<String> names = new HashSet<>();
                listed.forEach(pack -> names.add(pack.getPackFile().getName()));
                deleted.retainAll(names);
            }
        }
        return packs;
    }

    /** A pack's size, as {@link #tier} read it when it chose the pack. */
    private long size(Pack pack) {
        synchronized (retired) {
            Known facts = known.get(pack);
            return facts != null ? facts.size() : pack.getPackFile().length();
        }
    }

    /** How many tiny packs there are: what the writer bounds. */
    int tinyPacks() {
        return tier(0, TINY_PACK_BYTES, Duration.ZERO).size();
    }

    /** Merges packs that {@link #choose} returned into one, and retires them (see {@link #deleteRetired}). */
    void merge(List<Pack> packs) throws IOException {
        merge((ObjectDirectory) repository.getObjectDatabase(), packs);
    }

    private void merge(ObjectDirectory objects, List<Pack> packs) throws IOException {
        long started = System.nanoTime();
        Path directory = objects.getPackDirectory().toPath();
        boolean tiny = packs.stream().allMatch(pack -> size(pack) < TINY_PACK_BYTES);
        Path packTemp = Files.createTempFile(directory, "inkstone-merge-", ".pack.tmp");
        Path indexTemp = Files.createTempFile(directory, "inkstone-merge-", ".idx.tmp");
        try {
            Written written = tiny ? concatenate(packs, packTemp, indexTemp) : repack(packs, packTemp, indexTemp);
            Durability.syncFile(packTemp);
            Durability.syncFile(indexTemp);
            Path packFile = directory.resolve(written.name() + ".pack");
            Path indexFile = directory.resolve(written.name() + ".idx");
            // The pack first: a reader that finds the index finds its pack.
            Files.move(packTemp, packFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(indexTemp, indexFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durability.syncDirectory(directory);
            // JGit finds a new pack only when a lookup misses, so readers would go on looking in the old packs, and
            // each one whose file is closed by then fails as "corrupt" before JGit retries. Listed first (JGit puts
            // an opened pack at the head), the merged pack answers every lookup of what the old ones held before
            // any of them is deleted.
            objects.openPack(packFile.toFile());
            long now = System.nanoTime();
            synchronized (retired) {
                for (Pack pack : packs) {
                    if (!pack.getPackFile().toPath().equals(packFile)) { // the same objects, the same name
                        retired.put(pack.getPackFile().getName(), now);
                    }
                }
            }
            LOG.info("merged {} packs ({} objects, {}) in {} ms", packs.size(), written.objects(),
                    tiny ? "copied" : "repacked", (System.nanoTime() - started) / 1_000_000);
        } finally {
            Files.deleteIfExists(packTemp);
            Files.deleteIfExists(indexTemp);
        }
    }

    /** The new pack's name and how many objects it holds. */
    private record Written(String name, int objects) {
    }

    /** Tiny packs, the writer's batches: their entries copied as they are ({@link PackConcatenation}). */
    private static Written concatenate(List<Pack> packs, Path packTemp, Path indexTemp) throws IOException {
        PackConcatenation.Written written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packTemp))) {
            written = PackConcatenation.write(packs, out);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(indexTemp))) {
            BasePackIndexWriter.createVersion(out, 2).write(written.objects(), written.checksum());
        }
        return new Written(written.name(), written.objects().size());
    }

    /** Larger packs: through JGit's PackWriter, which deltifies what is stored whole (the batches' objects). */
    private Written repack(List<Pack> packs, Path packTemp, Path indexTemp) throws IOException {
        List<RevObject> list = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            for (Pack pack : packs) {
                // The walk's own table drops an object a second pack holds too.
                PackObjectTypes.forEach(pack, reader, (id, type) -> {
                    if (walk.lookupOrNull(id) == null) {
                        list.add(walk.lookupAny(id, type));
                    }
                });
            }
            PackConfig config = new PackConfig(repository);
            config.setCompressionLevel(1);
            // One thread for the delta search (JGit's default is one per core): merges run beside the writes, and
            // on two cores a merge of 200,000 objects on both held writes to a fifth of their rate for half a minute.
            config.setThreads(1);
            try (PackWriter writer = new PackWriter(config, reader)) {
                writer.setUseBitmaps(false);
                writer.preparePack(list.iterator());
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packTemp))) {
                    writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
                }
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(indexTemp))) {
                    writer.writeIndex(out);
                }
                return new Written("pack-" + writer.computeName().name(), list.size());
            }
        }
    }

    /**
     * Deletes the retired packs whose grace has passed, and has JGit drop them from its list; returns how many are
     * still waiting.
     */
    int deleteRetired() throws IOException {
        if (!(repository.getObjectDatabase() instanceof ObjectDirectory objects)) {
            return 0;
        }
        Path directory = objects.getPackDirectory().toPath();
        boolean any = false;
        int waiting;
        synchronized (retired) {
            long now = System.nanoTime();
            for (var entries = retired.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<String, Long> entry = entries.next();
                if (now - entry.getValue() >= grace.toNanos()) {
                    String base = entry.getKey().replaceFirst("\\.pack$", "");
                    Files.deleteIfExists(directory.resolve(entry.getKey()));
                    for (String extension : new String[]{".idx", ".rev", ".bitmap"}) {
                        Files.deleteIfExists(directory.resolve(base + extension));
                    }
                    entries.remove();
                    deleted.add(entry.getKey());
                    any = true;
                }
            }
            waiting = retired.size();
        }
        if (any) {
            // No fsync of the directory: a deletion lost in a crash leaves a pack of duplicates, merged again later.
            // Listing the packs makes JGit rescan the changed directory and drop the deleted ones now.
            objects.getPacks();
        }
        return waiting;
    }

    /** The pack files on disk that are not retired: what lookups have to search once the grace has passed. */
    long livePacks() throws IOException {
        if (!(repository.getObjectDatabase() instanceof ObjectDirectory objects)) {
            return 0;
        }
        synchronized (retired) {
            try (var files = Files.list(objects.getPackDirectory().toPath())) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.startsWith("pack-") && name.endsWith(".pack"))
                        .filter(name -> !retired.containsKey(name))
                        .count();
            }
        }
    }
}
