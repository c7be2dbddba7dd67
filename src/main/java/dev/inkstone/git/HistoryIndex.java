package dev.inkstone.git;

import dev.inkstone.content.CommitRef;
import dev.inkstone.content.Person;
import org.eclipse.jgit.lib.ObjectId;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-path history of a branch, built from one pass over its commits: for every file and folder, the commits
 * that changed it (oldest first, by sequence number) and how. Renames are recorded on both names. Appending the
 * commits of a moved branch costs work proportional to those commits. One writer at a time ({@link HistoryIndexer}
 * appends under its lock); any number of readers meanwhile.
 */
final class HistoryIndex {

    static final byte ADDED = 'A';
    static final byte MODIFIED = 'M';
    static final byte DELETED = 'D';
    /** Arrived here by a rename; {@code other} is the previous path. */
    static final byte RENAMED_FROM = 'R';
    /** Left by a rename; {@code other} is the new path. */
    static final byte RENAMED_TO = 'O';
    /** Something under this folder changed. */
    static final byte FOLDER = 'F';

    private static final int MAGIC = 0x494E4B48; // "INKH"
    static final int VERSION = 2;

    /** One commit's metadata, as history items show it. */
    record CommitMeta(ObjectId id, long epochSecond, int offsetMinutes, String authorName, String authorEmail,
                      String message) {

        Person author() {
            return new Person(authorName, authorEmail);
        }

        /** The author date, RFC 3339 with the author's own offset, as {@link Commits#date} gives it. */
        String date() {
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond),
                    ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }

        /** The commit as {@code git log} shows it, like {@link Commits#ref}. */
        CommitRef ref() {
            return new CommitRef(id.name(), date(), author());
        }
    }

    /**
     * The log of one path: parallel arrays, ascending by sequence number. Appended to by the indexer while requests
     * read it, so every access is synchronized (uncontended: one lock per path); an entry never changes once added.
     */
    static final class PathLog {
        private int size;
        private int[] seqs = new int[4];
        private byte[] kinds = new byte[4];
        /** Only renames have another name: null until the first one (most paths are never renamed). */
        private String[] others;

        synchronized void add(int seq, byte kind, String other) {
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
                if (others != null) {
                    others = Arrays.copyOf(others, size * 2);
                }
            }
            if (other != null && others == null) {
                others = new String[seqs.length];
            }
            seqs[size] = seq;
            kinds[size] = kind;
            if (others != null) {
                others[size] = other;
            }
            size++;
        }

        /** Index of the newest entry with a sequence number at most {@code maxSeq}, or -1. */
        synchronized int newestAtMost(int maxSeq) {
            int found = Arrays.binarySearch(seqs, 0, size, maxSeq);
            if (found >= 0) {
                return found;
            }
            return -found - 2;
        }

        synchronized int size() {
            return size;
        }

        synchronized int seqAt(int at) {
            return seqs[at];
        }

        synchronized byte kindAt(int at) {
            return kinds[at];
        }

        synchronized String otherAt(int at) {
            return others == null ? null : others[at];
        }
    }

    // Requests read while the indexer appends (under its lock). A request learns a sequence number from seqOf or a
    // path's log, both published after the commit was appended, so the list holds it in the request's view too.
    private final List<CommitMeta> commits = new ArrayList<>();
    private final CommitSeqs seqOf = new CommitSeqs(seq -> commits.get(seq).id());
    private final Map<String, PathLog> paths = new ConcurrentHashMap<>();
    private volatile boolean linear = true;
    /**
     * One copy of each author name and address: a history has far fewer authors than commits, and a string per
     * commit for each was 12 MB of a 100,000-commit index's heap. Only the appending thread uses it.
     */
    private final Map<String, String> people = new HashMap<>();

    int size() {
        return commits.size();
    }

    ObjectId tip() {
        return commits.isEmpty() ? null : commits.get(commits.size() - 1).id();
    }

    /** Whether every indexed commit has at most one parent, so "older" means "ancestor". */
    boolean linear() {
        return linear;
    }

    Integer seqOf(ObjectId commit) {
        int seq = seqOf.get(commit);
        return seq < 0 ? null : seq;
    }

    CommitMeta commit(int seq) {
        return commits.get(seq);
    }

    PathLog log(String path) {
        return paths.get(path);
    }

    /** One change of a path as the index records it; {@code other} is the rename's other name. */
    @FunctionalInterface
    interface ChangeVisitor {
        /** False to stop after this change. */
        boolean visit(int seq, byte kind, String path, String other);
    }

    /** Where a visit stopped: the path's name there (renames are followed) and the newest sequence left. */
    record Position(String path, int maxSeq) {
    }

    /**
     * Visits a path's changes (not {@link #FOLDER} entries) newest first from {@code maxSeq} down, following the
     * file back through renames.
     */
    Position visitChanges(String path, int maxSeq, ChangeVisitor visitor) {
        while (true) {
            PathLog log = paths.get(path);
            int at = log == null ? -1 : log.newestAtMost(maxSeq);
            if (at < 0) {
                return new Position(path, maxSeq);
            }
            int seq = log.seqAt(at);
            byte kind = log.kindAt(at);
            String other = log.otherAt(at);
            String named = path;
            if (kind == RENAMED_FROM) {
                path = other;
            }
            maxSeq = seq - 1;
            if (kind != FOLDER && !visitor.visit(seq, kind, named, other)) {
                return new Position(path, maxSeq);
            }
        }
    }

    /** Appends a commit (newer than all indexed ones) and returns its sequence number. */
    int append(CommitMeta meta, boolean merge) {
        int seq = commits.size();
        commits.add(new CommitMeta(meta.id(), meta.epochSecond(), meta.offsetMinutes(), person(meta.authorName()),
                person(meta.authorEmail()), meta.message()));
        seqOf.put(meta.id(), seq);
        if (merge) {
            linear = false;
        }
        return seq;
    }

    private String person(String value) {
        String known = people.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    void record(String path, int seq, byte kind, String other) {
        paths.computeIfAbsent(path, key -> new PathLog()).add(seq, kind, other);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeBoolean(linear);
        out.writeInt(commits.size());
        byte[] raw = new byte[20];
        for (CommitMeta meta : commits) {
            meta.id().copyRawTo(raw, 0);
            out.write(raw);
            out.writeLong(meta.epochSecond());
            out.writeInt(meta.offsetMinutes());
            writeString(out, meta.authorName());
            writeString(out, meta.authorEmail());
            writeString(out, meta.message());
        }
        out.writeInt(paths.size());
        for (Map.Entry<String, PathLog> entry : paths.entrySet()) {
            writeString(out, entry.getKey());
            PathLog log = entry.getValue();
            int entries = log.size();
            out.writeInt(entries);
            for (int i = 0; i < entries; i++) {
                out.writeInt(log.seqAt(i));
                out.writeByte(log.kindAt(i));
                String other = log.otherAt(i);
                writeString(out, other == null ? "" : other);
            }
        }
        out.writeInt(MAGIC);
    }

    static HistoryIndex read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a history index of this version");
        }
        HistoryIndex index = new HistoryIndex();
        index.linear = in.readBoolean();
        int count = in.readInt();
        byte[] raw = new byte[20];
        for (int i = 0; i < count; i++) {
            in.readFully(raw);
            index.append(new CommitMeta(ObjectId.fromRaw(raw), in.readLong(), in.readInt(), readString(in),
                    readString(in), readString(in)), false);
        }
        int pathCount = in.readInt();
        for (int p = 0; p < pathCount; p++) {
            String path = readString(in);
            int size = in.readInt();
            PathLog log = new PathLog();
            for (int i = 0; i < size; i++) {
                int seq = in.readInt();
                byte kind = in.readByte();
                String other = readString(in);
                if (seq < 0 || seq >= count) {
                    throw new IOException("damaged history index");
                }
                log.add(seq, kind, other.isEmpty() ? null : other);
            }
            index.paths.put(path, log);
        }
        if (in.readInt() != MAGIC) {
            throw new IOException("truncated history index");
        }
        return index;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (16 << 20)) {
            throw new IOException("damaged history index");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
