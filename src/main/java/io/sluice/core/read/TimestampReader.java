package io.sluice.core.read;

import org.apache.arrow.vector.TimeStampVector;

/**
 * DATETIME (wall-clock, no zone) and TIMESTAMP (the session runs in UTC, so its text is UTC) to
 * microseconds; zero and partial values become NULL and are counted.
 */
final class TimestampReader extends ColumnReader<TimeStampVector> {
    TimestampReader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        long micros = ServerText.epochMicros(r.buffer(c), r.offset(c), len);
        if (micros == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, micros);
        return 8;
    }
}
