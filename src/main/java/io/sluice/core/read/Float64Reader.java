package io.sluice.core.read;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import org.apache.arrow.vector.Float8Vector;

/**
 * DOUBLE: in the binary protocol its 8 bytes as they are. In text, the server sends the shortest text
 * that round-trips, and the parser rounds correctly (as {@link Double#parseDouble} does, without
 * building a String), so the value is exact either way.
 */
final class Float64Reader extends ColumnReader<Float8Vector> {
    Float64Reader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        vector.setSafe(row, JavaDoubleParser.parseDouble(b, off, len));
        return 8;
    }

    /** DOUBLE only: a FLOAT's 4 bytes widened would not be the double its text is (0.1f is not 0.1). */
    @Override
    public boolean readsBinary(int wireType) {
        return wireType == WireTypes.DOUBLE;
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        vector.setSafe(row, WireBinary.float64(b, off));
        return 8;
    }
}
