package io.sluice.core.read;

import io.sluice.core.error.SluiceException;
import org.apache.arrow.vector.BitVector;

/** TINYINT mapped to Bool by the user: only 0 and 1 are booleans; anything else stops the export. */
final class BoolFromIntReader extends ColumnReader<BitVector> {
    BoolFromIntReader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        long v = ServerText.signedLong(r.buffer(c), r.offset(c), len);
        if (v != 0 && v != 1) {
            throw new SluiceException("Column '" + column + "' holds " + v
                    + ", which is not a boolean; keep its default Int8 mapping.");
        }
        vector.setSafe(row, (int) v);
        return 1;
    }
}
