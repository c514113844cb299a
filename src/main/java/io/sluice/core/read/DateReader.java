package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.DateDayVector;

/** DATE; zero, partial and invalid dates become NULL and are counted. */
final class DateReader extends ColumnReader<DateDayVector> {
    DateReader(String column) {
        super(column);
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return writeNull(row);
        }
        long days = ServerText.days(b);
        if (days == ServerText.INVALID) {
            return writeNulledValue(row);
        }
        vector.setSafe(row, (int) days);
        return 4;
    }
}
