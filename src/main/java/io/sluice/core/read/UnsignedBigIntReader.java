package io.sluice.core.read;

import org.apache.arrow.vector.UInt8Vector;

/** BIGINT UNSIGNED: values above Long.MAX_VALUE keep their 64 bits. */
final class UnsignedBigIntReader extends ColumnReader<UInt8Vector> {
    UnsignedBigIntReader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        vector.setSafe(row, ServerText.unsignedLong(r.buffer(c), r.offset(c), len));
        return 8;
    }
}
