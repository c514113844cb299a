package io.sluice.core.read;

import io.sluice.core.error.SluiceException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.TimeMicroVector;

/** TIME: a signed duration up to ±838:59:59.999999, or (by choice) a time of day. */
final class TimeReaders {
    private static final long DAY_MICROS = 86_400_000_000L;

    private TimeReaders() {}

    static final class AsDuration extends ColumnReader<DurationVector> {
        AsDuration(String column) {
            super(column);
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            vector.setSafe(row, ServerText.timeMicros(b));
            return 8;
        }
    }

    static final class AsTimeOfDay extends ColumnReader<TimeMicroVector> {
        AsTimeOfDay(String column) {
            super(column);
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            long micros = ServerText.timeMicros(b);
            if (micros < 0 || micros >= DAY_MICROS) {
                throw new SluiceException("Column '" + column + "' holds " + new String(b, StandardCharsets.US_ASCII)
                        + ", which is not a time of day; keep its default duration mapping or map it to utf8.");
            }
            vector.setSafe(row, micros);
            return 8;
        }
    }
}
