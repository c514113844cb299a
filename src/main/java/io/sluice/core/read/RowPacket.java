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
            long len;
            if (first < 0xFB) {
                len = first;
            } else if (first == 0xFB) {
                row.setNull(c);
                continue;
            } else if (first == 0xFC) {
                len = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
                pos += 2;
            } else if (first == 0xFD) {
                len = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16;
                pos += 3;
            } else {
                len = 0;
                for (int k = 7; k >= 0; k--) {
                    len = len << 8 | (b[pos + k] & 0xFF);
                }
                pos += 8;
            }
            if (len < 0 || pos + len > end) {
                throw new IllegalStateException("a row packet of " + end + " bytes ends inside column " + (c + 1));
            }
            row.set(c, b, pos, (int) len);
            pos += (int) len;
        }
    }
}
