package io.sluice.core.read;

import ch.randelshofer.fastdoubleparser.JavaFloatParser;
import org.apache.arrow.vector.Float4Vector;

/**
 * FLOAT: the server sends the shortest text that round-trips to the float, so parsing it straight to
 * a float (not via a double, which could round twice) gives the stored value.
 */
final class Float32Reader extends ColumnReader<Float4Vector> {
    Float32Reader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        vector.setSafe(row, JavaFloatParser.parseFloat(r.buffer(c), r.offset(c), len));
        return 4;
    }
}
