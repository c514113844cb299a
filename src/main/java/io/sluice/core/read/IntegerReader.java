package io.sluice.core.read;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;

/**
 * Every integer that fits a signed long: TINYINT..BIGINT, unsigned below BIGINT, YEAR.
 *
 * <p>One reader class serves every Arrow integer vector, so a single call through {@link BaseIntVector}
 * saw four or more vector classes in one export and the JIT could only dispatch it through an interface
 * stub, never inline it (a third of this reader's time on table (a), docs/benchmarks.md, tenth pass).
 * The vector's class is looked at once a batch instead, and each class gets a call of its own. The
 * stores are those of Arrow's {@code setWithPossibleTruncate} for each class.
 */
final class IntegerReader extends ColumnReader<BaseIntVector> {
    private static final int OTHER = 0;
    private static final int INT64 = 1;
    private static final int INT32 = 2;
    private static final int UINT32 = 3;
    private static final int INT16 = 4;
    private static final int UINT16 = 5;
    private static final int INT8 = 6;
    private static final int UINT8 = 7;

    private final int width;
    private int kind;

    IntegerReader(String column, boolean nullable, int byteWidth) {
        super(column, nullable);
        this.width = byteWidth;
    }

    @Override
    protected void bound() {
        kind = vector instanceof BigIntVector ? INT64
                : vector instanceof IntVector ? INT32
                : vector instanceof UInt4Vector ? UINT32
                : vector instanceof SmallIntVector ? INT16
                : vector instanceof UInt2Vector ? UINT16
                : vector instanceof TinyIntVector ? INT8
                : vector instanceof UInt1Vector ? UINT8
                : OTHER;
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        // the Arrow type was chosen to hold the column's range
        store(row, ServerText.signedLong(b, off, len));
        return width;
    }

    @Override
    public boolean readsBinary(int wireType) {
        return WireTypes.isInteger(wireType);
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        store(row, unsignedOnWire ? WireBinary.unsigned(b, off, len) : WireBinary.signed(b, off, len));
        return width;
    }

    private void store(int row, long value) {
        switch (kind) {
            case INT64 -> ((BigIntVector) vector).setSafe(row, value);
            case INT32 -> ((IntVector) vector).setSafe(row, (int) value);
            case UINT32 -> ((UInt4Vector) vector).setSafe(row, (int) value);
            case INT16 -> ((SmallIntVector) vector).setSafe(row, (int) value);
            case UINT16 -> ((UInt2Vector) vector).setSafe(row, (int) value);
            case INT8 -> ((TinyIntVector) vector).setSafe(row, (int) value);
            case UINT8 -> ((UInt1Vector) vector).setSafe(row, (int) value);
            default -> vector.setWithPossibleTruncate(row, value); // UInt8Vector, or another Arrow integer
        }
    }
}
