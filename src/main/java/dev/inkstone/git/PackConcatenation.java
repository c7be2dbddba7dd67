package dev.inkstone.git;

import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;
import org.eclipse.jgit.transport.PackedObjectInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One pack made of the entries of several, copied byte for byte: nothing is inflated, compressed or searched for.
 * Each object is written once (the first copy met); an offset delta ({@code OBJ_OFS_DELTA}) gets its base's distance
 * in the new pack, which is all that changes. Every entry is checked against the CRC-32 its source index records
 * before it is copied, so a damaged entry fails the concatenation instead of spreading into the new pack.
 *
 * <p>Why not JGit's {@code PackWriter}, as for the larger merges: before it copies an object as it is stored, it
 * looks for the cheapest stored copy in every pack of the repository ({@code ObjectDirectory
 * .selectObjectRepresentation}), a binary search in each of a hundred or more pack indexes per object, and that
 * search was most of the merge threads' CPU under 8 writers (JFR, 10,000 pages: 7.6 % of all samples). The tiny
 * packs merged here are the writer's batches, written whole by JGit's {@code PackInserter}, so there are no deltas
 * to find again, and the small-tier merge that takes the result over still deltifies with {@code PackWriter}.
 * JGit has no public way to copy pack entries across packs as they are.
 *
 * <p>The packs are read whole: this is for packs below {@link PackCompactor#TINY_PACK_BYTES}.
 */
final class PackConcatenation {

    private static final int PACK_HEADER_BYTES = 12;
    private static final int TRAILER_BYTES = Constants.OBJECT_ID_LENGTH;

    /** The objects of the new pack (offsets, CRC-32s) for its index, and its checksum (its name). */
    record Written(List<PackedObjectInfo> objects, byte[] checksum) {

        String name() {
            return "pack-" + ObjectId.fromRaw(checksum).name();
        }
    }

    private PackConcatenation() {
    }

    static Written write(List<Pack> packs, OutputStream out) throws IOException {
        int count = distinctObjects(packs);
        MessageDigest sha1 = sha1();
        ObjectIdOwnerMap<PackedObjectInfo> written = new ObjectIdOwnerMap<>();
        List<PackedObjectInfo> objects = new ArrayList<>(count);
        Writer writer = new Writer(out, sha1);
        byte[] header = new byte[PACK_HEADER_BYTES];
        System.arraycopy(Constants.PACK_SIGNATURE, 0, header, 0, 4);
        putInt(header, 4, 2);
        putInt(header, 8, count);
        writer.write(header, 0, header.length);
        byte[] entryHeader = new byte[32];
        for (Pack pack : packs) {
            // One source in memory at a time.
            Source source = Source.read(pack);
            // Where each entry of this source went in the new pack: an offset delta's base is looked up here.
            Map<Long, Long> newOffsets = new HashMap<>();
            for (Source.Entry entry : source.entries) {
                PackedObjectInfo known = written.get(entry.id);
                if (known != null) {
                    newOffsets.put(entry.offset, known.getOffset());
                    continue;
                }
                source.checkCrc(entry);
                long offset = writer.position;
                newOffsets.put(entry.offset, offset);
                CRC32 crc = new CRC32();
                int dataStart;
                if (entry.type == Constants.OBJ_OFS_DELTA) {
                    Long base = newOffsets.get(entry.offset - entry.baseDistance);
                    if (base == null) {
                        throw new IOException("offset delta at " + entry.offset + " in " + source.name
                                + " has no base entry");
                    }
                    int sizeBytes = entry.baseDistanceAt - (int) entry.offset;
                    System.arraycopy(source.bytes, (int) entry.offset, entryHeader, 0, sizeBytes);
                    int length = sizeBytes + encodeDistance(offset - base, entryHeader, sizeBytes);
                    crc.update(entryHeader, 0, length);
                    writer.write(entryHeader, 0, length);
                    dataStart = entry.dataAt;
                } else {
                    dataStart = (int) entry.offset;
                }
                crc.update(source.bytes, dataStart, entry.end - dataStart);
                writer.write(source.bytes, dataStart, entry.end - dataStart);
                PackedObjectInfo object = new PackedObjectInfo(entry.id);
                object.setOffset(offset);
                object.setCRC((int) crc.getValue());
                written.add(object);
                objects.add(object);
            }
        }
        if (objects.size() != count) {
            throw new IOException("wrote " + objects.size() + " objects where the indexes list " + count);
        }
        byte[] checksum = sha1.digest();
        out.write(checksum);
        Collections.sort(objects);
        return new Written(objects, checksum);
    }

    /** The header holds the object count: the distinct ids of the indexes, counted before any pack file is read. */
    private static int distinctObjects(List<Pack> packs) throws IOException {
        Set<ObjectId> ids = new HashSet<>();
        for (Pack pack : packs) {
            for (PackIndex.MutableEntry entry : pack.getIndex()) {
                ids.add(entry.toObjectId());
            }
        }
        return ids.size();
    }

    /** Git's offset encoding of a base distance (pack-format.txt, "offset encoding"); returns its length. */
    private static int encodeDistance(long distance, byte[] into, int at) {
        byte[] reversed = new byte[10];
        int n = 0;
        reversed[n++] = (byte) (distance & 0x7f);
        while ((distance >>>= 7) > 0) {
            reversed[n++] = (byte) (0x80 | (--distance & 0x7f));
        }
        for (int i = 0; i < n; i++) {
            into[at + i] = reversed[n - 1 - i];
        }
        return n;
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes through the pack checksum and counts the bytes (the next entry's offset). */
    private static final class Writer {
        private final OutputStream out;
        private final MessageDigest sha1;
        long position;

        Writer(OutputStream out, MessageDigest sha1) {
            this.out = out;
            this.sha1 = sha1;
        }

        void write(byte[] bytes, int from, int length) throws IOException {
            out.write(bytes, from, length);
            sha1.update(bytes, from, length);
            position += length;
        }
    }

    /** A source pack read whole, its entries in file order with their bounds and headers parsed. */
    private static final class Source {
        final String name;
        final byte[] bytes;
        final PackIndex index;
        final List<Entry> entries;

        private Source(String name, byte[] bytes, PackIndex index, List<Entry> entries) {
            this.name = name;
            this.bytes = bytes;
            this.index = index;
            this.entries = entries;
        }

        static Source read(Pack pack) throws IOException {
            String name = pack.getPackFile().getName();
            byte[] bytes = Files.readAllBytes(pack.getPackFile().toPath());
            PackIndex index = pack.getIndex();
            if (bytes.length < PACK_HEADER_BYTES + TRAILER_BYTES
                    || !Arrays.equals(bytes, 0, 4, Constants.PACK_SIGNATURE, 0, 4)) {
                throw new IOException(name + " is not a pack file");
            }
            int version = getInt(bytes, 4);
            if (version != 2 && version != 3) {
                throw new IOException(name + " has pack version " + version);
            }
            long count = getInt(bytes, 8) & 0xffffffffL;
            if (count != index.getObjectCount()) {
                throw new IOException(name + " holds " + count + " objects, its index " + index.getObjectCount());
            }
            if (!index.hasCRC32Support()) {
                throw new IOException(name + " has a version 1 index, without CRC-32s to check entries against");
            }
            List<long[]> offsets = new ArrayList<>((int) count);
            List<ObjectId> ids = new ArrayList<>((int) count);
            for (PackIndex.MutableEntry entry : index) {
                offsets.add(new long[]{entry.getOffset(), ids.size()});
                ids.add(entry.toObjectId());
            }
            offsets.sort((a, b) -> Long.compare(a[0], b[0]));
            int end = bytes.length - TRAILER_BYTES;
            List<Entry> entries = new ArrayList<>((int) count);
            for (int i = 0; i < offsets.size(); i++) {
                long offset = offsets.get(i)[0];
                int next = i + 1 < offsets.size() ? (int) offsets.get(i + 1)[0] : end;
                if (offset < PACK_HEADER_BYTES || offset >= next) {
                    throw new IOException(name + " has an entry at offset " + offset + " out of bounds");
                }
                entries.add(Entry.parse(bytes, (int) offset, next, ids.get((int) offsets.get(i)[1]), name));
            }
            return new Source(name, bytes, index, entries);
        }

        void checkCrc(Entry entry) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(bytes, (int) entry.offset, entry.end - (int) entry.offset);
            if ((int) crc.getValue() != (int) index.findCRC32(entry.id)) {
                throw new IOException("entry of " + entry.id.name() + " in " + name + " fails its CRC-32 check");
            }
        }

        private static int getInt(byte[] bytes, int at) {
            return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
        }

        /**
         * One entry: where it starts and ends, its type, and for an offset delta where its base distance starts,
         * the distance, and where the compressed data starts.
         */
        record Entry(ObjectId id, long offset, int end, int type, int baseDistanceAt, long baseDistance,
                     int dataAt) {

            static Entry parse(byte[] bytes, int offset, int end, ObjectId id, String name) throws IOException {
                ByteBuffer header = ByteBuffer.wrap(bytes, offset, end - offset);
                try {
                    int type = PackEntryHeader.type(header);
                    if (type != Constants.OBJ_OFS_DELTA) {
                        if (type == 0 || type == 5) {
                            throw new IOException(name + ": unknown entry type " + type + " at offset " + offset);
                        }
                        return new Entry(id, offset, end, type, -1, 0, -1);
                    }
                    int distanceAt = header.position();
                    long distance = PackEntryHeader.baseDistance(header);
                    if (distance <= 0 || distance > offset - PACK_HEADER_BYTES) {
                        throw new IOException(name + ": delta base out of the pack at offset " + offset);
                    }
                    return new Entry(id, offset, end, type, distanceAt, distance, header.position());
                } catch (BufferUnderflowException e) {
                    throw new IOException(name + ": truncated entry header at offset " + offset);
                }
            }
        }
    }
}
