package io.sluice.core.read;

import org.apache.arrow.vector.DateDayVector;

/** DATE; zero, partial and invalid dates become NULL and are counted. */
final class DateReader extends ColumnReader<DateDayVector> {
    DateReader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        return set(ServerText.days(b, off, len), row);
    }

    @Override
    public boolean readsBinary(int wireType) {
        return WireTypes.isDateOrDateTime(wireType);
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        return set(WireBinary.days(b, off, len), row);
    }

    private int set(long days, int row) {
        if (days == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, (int) days);
        return 4;
    }
}
