package io.sluice.core.read;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import org.apache.arrow.vector.Float8Vector;

/**
 * DOUBLE: the server sends the shortest text that round-trips, and the parser rounds correctly (as
 * {@link Double#parseDouble} does, without building a String), so the value is exact.
 */
final class Float64Reader extends ColumnReader<Float8Vector> {
    Float64Reader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        vector.setSafe(row, JavaDoubleParser.parseDouble(r.buffer(c), r.offset(c), len));
        return 8;
    }
}
