package io.sluice.core.read;

import org.apache.arrow.vector.DateDayVector;

/** DATE; zero, partial and invalid dates become NULL and are counted. */
final class DateReader extends ColumnReader<DateDayVector> {
    DateReader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        long days = ServerText.days(b, off, len);
        if (days == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, (int) days);
        return 4;
    }
}
