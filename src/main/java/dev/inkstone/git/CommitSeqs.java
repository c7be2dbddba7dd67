package dev.inkstone.git;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * Commit id to sequence number for a {@link HistoryIndex}: an open-addressing table that holds only sequence numbers
 * and compares against the ids in the index's own commit list. An entry costs 8 bytes at most; a
 * {@code ConcurrentHashMap<ObjectId, Integer>} cost a map node and a boxed number, about 48 bytes per commit
 * (4.8 MB of a 100,000-commit index). One thread puts at a time (the index's appender); any number of threads read
 * meanwhile: a slot is written with volatile semantics after its commit was added to the list, and a grown table
 * is filled before it is published, so a reader that finds a sequence number also finds its commit.
 */
final class CommitSeqs {

    private static final int EMPTY = 0;

    private final IntFunction<ObjectId> idOf;
    /** Sequence number + 1 per slot, {@link #EMPTY} for none; length a power of two, at most half full. */
    private volatile AtomicIntegerArray slots = new AtomicIntegerArray(64);
    private int size;

    /** {@code idOf} gives the id of an appended commit by its sequence number. */
    CommitSeqs(IntFunction<ObjectId> idOf) {
        this.idOf = idOf;
    }

    /** The sequence number of {@code id}, or -1 if it was never put. */
    int get(AnyObjectId id) {
        AtomicIntegerArray table = slots;
        int mask = table.length() - 1;
        for (int at = hash(id) & mask; ; at = (at + 1) & mask) {
            int stored = table.get(at);
            if (stored == EMPTY) {
                return -1;
            }
            if (idOf.apply(stored - 1).equals(id)) {
                return stored - 1;
            }
        }
    }

    /** Records {@code id}'s sequence number (replacing an earlier one for the same id). One caller at a time. */
    void put(ObjectId id, int seq) {
        if ((size + 1) * 2 > slots.length()) {
            slots = grown(slots);
        }
        if (insert(slots, id, seq)) {
            size++;
        }
    }

    private AtomicIntegerArray grown(AtomicIntegerArray table) {
        AtomicIntegerArray bigger = new AtomicIntegerArray(table.length() * 2);
        for (int i = 0; i < table.length(); i++) {
            int stored = table.get(i);
            if (stored != EMPTY) {
                insert(bigger, idOf.apply(stored - 1), stored - 1);
            }
        }
        return bigger;
    }

    /**
     * Bytes 4–7 of the id (its {@code hashCode}) mixed with bytes 16–19: random for real SHA-1 ids, and still
     * spread for made-up ones such as {@code 00…01, 00…02} (tests), which would otherwise share one probe chain.
     */
    private static int hash(AnyObjectId id) {
        int tail = (id.getByte(16) & 0xff) << 24 | (id.getByte(17) & 0xff) << 16 | (id.getByte(18) & 0xff) << 8
                | (id.getByte(19) & 0xff);
        int h = (id.hashCode() ^ tail) * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** True if the id took a new slot, false if it replaced its own. */
    private boolean insert(AtomicIntegerArray table, ObjectId id, int seq) {
        int mask = table.length() - 1;
        for (int at = hash(id) & mask; ; at = (at + 1) & mask) {
            int stored = table.get(at);
            if (stored == EMPTY) {
                table.set(at, seq + 1);
                return true;
            }
            if (idOf.apply(stored - 1).equals(id)) {
                table.set(at, seq + 1);
                return false;
            }
        }
    }
}
