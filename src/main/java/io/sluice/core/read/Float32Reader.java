package io.sluice.core.read;

import ch.randelshofer.fastdoubleparser.JavaFloatParser;
import org.apache.arrow.vector.Float4Vector;

/**
 * FLOAT: the server sends the shortest text that round-trips to the float, so parsing it straight to
 * a float (not via a double, which could round twice) gives the stored value.
 */
final class Float32Reader extends ColumnReader<Float4Vector> {
    Float32Reader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        vector.setSafe(row, JavaFloatParser.parseFloat(b, off, len));
        return 4;
    }

    /**
     * FLOAT's 4 bytes are the stored float. The mapping selects a FLOAT as a DOUBLE (its text as a FLOAT
     * is rounded to 6 digits), whose 8 bytes then hold that float exactly, so narrowing them loses nothing.
     */
    @Override
    public boolean readsBinary(int wireType) {
        return wireType == WireTypes.FLOAT || wireType == WireTypes.DOUBLE;
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        vector.setSafe(row, len == 4 ? WireBinary.float32(b, off) : (float) WireBinary.float64(b, off));
        return 4;
    }
}
