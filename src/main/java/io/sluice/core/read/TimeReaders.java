package io.sluice.core.read;

import io.sluice.core.error.SluiceException;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.TimeMicroVector;

/** TIME: a signed duration up to ±838:59:59.999999, or (by choice) a time of day. */
final class TimeReaders {
    private static final long DAY_MICROS = 86_400_000_000L;

    private TimeReaders() {}

    static final class AsDuration extends ColumnReader<DurationVector> {
        AsDuration(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            vector.setSafe(row, ServerText.timeMicros(b, off, len));
            return 8;
        }

        @Override
        public boolean readsBinary(int wireType) {
            return wireType == WireTypes.TIME;
        }

        @Override
        protected int readBinaryValue(byte[] b, int off, int len, int row) {
            vector.setSafe(row, WireBinary.timeMicros(b, off, len));
            return 8;
        }
    }

    static final class AsTimeOfDay extends ColumnReader<TimeMicroVector> {
        AsTimeOfDay(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            long micros = ServerText.timeMicros(b, off, len);
            if (micros < 0 || micros >= DAY_MICROS) {
                throw new SluiceException("Column '" + column + "' holds "
                        + new String(b, off, len, StandardCharsets.US_ASCII)
                        + ", which is not a time of day; keep its default duration mapping or map it to utf8.");
            }
            vector.setSafe(row, micros);
            return 8;
        }
    }
}
