package io.sluice.core.read;

import io.sluice.core.error.SluiceException;
import org.apache.arrow.vector.BitVector;

/** TINYINT mapped to Bool by the user: only 0 and 1 are booleans; anything else stops the export. */
final class BoolFromIntReader extends ColumnReader<BitVector> {
    BoolFromIntReader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        return set(ServerText.signedLong(b, off, len), row);
    }

    @Override
    public boolean readsBinary(int wireType) {
        return WireTypes.isInteger(wireType);
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        return set(unsignedOnWire ? WireBinary.unsigned(b, off, len) : WireBinary.signed(b, off, len), row);
    }

    private int set(long v, int row) {
        if (v != 0 && v != 1) {
            throw new SluiceException("Column '" + column + "' holds " + v
                    + ", which is not a boolean; keep its default integer mapping.");
        }
        vector.setSafe(row, (int) v);
        return 1;
    }
}
