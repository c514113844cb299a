package io.sluice.core.read;

import org.apache.arrow.vector.BaseIntVector;

/** Every integer that fits a signed long: TINYINT..BIGINT, unsigned below BIGINT, YEAR. */
final class IntegerReader extends ColumnReader<BaseIntVector> {
    private final int width;

    IntegerReader(String column, boolean nullable, int byteWidth) {
        super(column, nullable);
        this.width = byteWidth;
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        // the Arrow type was chosen to hold the column's range
        vector.setWithPossibleTruncate(row, ServerText.signedLong(b, off, len));
        return width;
    }

    @Override
    public boolean readsBinary(int wireType) {
        return WireTypes.isInteger(wireType);
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        vector.setWithPossibleTruncate(row, unsignedOnWire ? WireBinary.unsigned(b, off, len) : WireBinary.signed(b, off, len));
        return width;
    }
}
