package io.sluice.core.read;

import org.apache.arrow.vector.TimeStampVector;

/**
 * DATETIME (wall-clock, no zone) and TIMESTAMP (the session runs in UTC, so its text is UTC) to
 * microseconds; zero and partial values become NULL and are counted.
 */
final class TimestampReader extends ColumnReader<TimeStampVector> {
    TimestampReader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        return set(ServerText.epochMicros(b, off, len), row);
    }

    @Override
    public boolean readsBinary(int wireType) {
        return WireTypes.isDateOrDateTime(wireType);
    }

    @Override
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        return set(WireBinary.epochMicros(b, off, len), row);
    }

    private int set(long micros, int row) {
        if (micros == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, micros);
        return 8;
    }
}
