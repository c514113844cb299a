package io.sluice.core.read;

/**
 * A text-protocol row packet: each column a length-encoded string, 0xFB for NULL. Its columns are
 * sliced where they lie, without a copy.
 */
final class RowPacket {
    private RowPacket() {
    }

    /** Points {@code row} at the columns of the packet held in {@code b} from {@code pos} up to {@code end}. */
    static void slice(byte[] b, int pos, int end, TextRow row) {
        for (int c = 0; c < row.columns(); c++) {
            int first = b[pos++] & 0xFF;
            if (first == 0xFB) {
                row.setNull(c);
                continue;
            }
            long len = lengthAt(b, pos, first);
            pos += lengthBytes(first);
            if (len < 0 || pos + len > end) {
                throw new IllegalStateException("a row packet of " + end + " bytes ends inside column " + (c + 1));
            }
            row.set(c, b, pos, (int) len);
            pos += (int) len;
        }
    }

    /**
     * A length-encoded integer whose first byte {@code first} was read and whose further bytes (if any)
     * start at {@code pos}: under 0xFB the value itself, 0xFC two bytes, 0xFD three, 0xFE eight. Both
     * protocols' packets use it; 0xFB (a text NULL) and 0xFF are the caller's to handle.
     */
    static long lengthAt(byte[] b, int pos, int first) {
        if (first < 0xFB) {
            return first;
        }
        if (first == 0xFC) {
            return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
        }
        if (first == 0xFD) {
            return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16;
        }
        long len = 0;
        for (int k = 7; k >= 0; k--) {
            len = len << 8 | (b[pos + k] & 0xFF);
        }
        return len;
    }

    /** How many bytes follow the first one of a length-encoded integer (see {@link #lengthAt}). */
    static int lengthBytes(int first) {
        return first < 0xFB ? 0 : first == 0xFC ? 2 : first == 0xFD ? 3 : 8;
    }
}
