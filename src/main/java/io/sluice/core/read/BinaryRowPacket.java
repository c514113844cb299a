package io.sluice.core.read;

/**
 * A binary-protocol row packet (the result of a server-side prepared statement): a 0x00 byte, a NULL
 * bitmap whose first two bits are unused, then each present column by its type: integers and
 * doubles at their fixed width, everything else (dates and times included) as a length-encoded
 * string. Sliced where it lies, without a copy, as {@link RowPacket} slices text rows.
 */
final class BinaryRowPacket {
    private BinaryRowPacket() {}

    /**
     * Points {@code row} at the columns of the packet held in {@code b} from {@code pos} up to {@code end};
     * {@code widths[c]} is column c's {@link WireTypes#fixedWidth}.
     */
    static void slice(byte[] b, int pos, int end, int[] widths, TextRow row) {
        int columns = widths.length;
        int bitmap = pos + 1;
        int p = bitmap + (columns + 9) / 8;
        for (int c = 0; c < columns; c++) {
            int bit = c + 2;
            int width = widths[c];
            if ((b[bitmap + (bit >> 3)] & (1 << (bit & 7))) != 0 || width < 0) {
                row.setNull(c);
                continue;
            }
            long len = width;
            if (width == 0) {
                int first = b[p++] & 0xFF;
                if (first == 0xFB || first == 0xFF) {
                    throw new IllegalStateException("a binary row packet has a NULL marker in column " + (c + 1));
                }
                len = RowPacket.lengthAt(b, p, first);
                p += RowPacket.lengthBytes(first);
            }
            if (len < 0 || p + len > end) {
                throw new IllegalStateException("a row packet of " + end + " bytes ends inside column " + (c + 1));
            }
            row.set(c, b, p, (int) len);
            p += (int) len;
        }
    }
}
