package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
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
    public int read(ResultSet rs, int index, int row) throws SQLException {
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return writeNull(row);
        }
        long micros = ServerText.epochMicros(b);
        if (micros == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, micros);
        return 8;
    }
}
