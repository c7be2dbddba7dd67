package dev.inkstone.git;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Git's pack entry header (pack-format.txt): a type-and-size varint, then for an offset delta the distance back to
 * its base. Read by {@link PackObjectTypes} (types without inflating) and {@link PackConcatenation} (entries copied
 * as they are); JGit's own reader of it is not public.
 */
final class PackEntryHeader {

    private PackEntryHeader() {
    }

    /** The entry's type ({@code Constants.OBJ_*}); leaves the position after the size. */
    static int type(ByteBuffer header) {
        int c = header.get() & 0xff;
        int type = (c >> 4) & 7;
        while ((c & 0x80) != 0) { // the rest of the inflated size
            c = header.get() & 0xff;
        }
        return type;
    }

    /** An {@code OBJ_OFS_DELTA}'s base distance, read at the position: how far before this entry its base starts. */
    static long baseDistance(ByteBuffer header) throws IOException {
        int c = header.get() & 0xff;
        long distance = c & 0x7f;
        while ((c & 0x80) != 0) {
            if (distance > (Long.MAX_VALUE >>> 8)) {
                throw new IOException("delta base distance too large");
            }
            c = header.get() & 0xff;
            distance = ((distance + 1) << 7) | (c & 0x7f);
        }
        return distance;
    }
}
