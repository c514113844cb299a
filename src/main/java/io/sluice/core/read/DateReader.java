package io.sluice.core.read;

import org.apache.arrow.vector.DateDayVector;

/** DATE; zero, partial and invalid dates become NULL and are counted. */
final class DateReader extends ColumnReader<DateDayVector> {
    DateReader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        long days = ServerText.days(r.buffer(c), r.offset(c), len);
        if (days == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, (int) days);
        return 4;
    }
}
