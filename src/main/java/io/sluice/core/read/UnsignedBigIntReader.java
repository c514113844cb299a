package io.sluice.core.read;

import org.apache.arrow.vector.UInt8Vector;

/** BIGINT UNSIGNED: values above Long.MAX_VALUE keep their 64 bits. */
final class UnsignedBigIntReader extends ColumnReader<UInt8Vector> {
    UnsignedBigIntReader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        vector.setSafe(row, ServerText.unsignedLong(b, off, len));
        return 8;
    }

    @Override
    public boolean readsBinary(int wireType) {
        return wireType == WireTypes.LONGLONG;
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        vector.setSafe(row, WireBinary.unsigned(b, off, len));
        return 8;
    }
}
