package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BaseIntVector;

/** Every integer that fits a signed long: TINYINT..BIGINT, unsigned below BIGINT, YEAR. */
final class IntegerReader extends ColumnReader<BaseIntVector> {
    private final int width;

    IntegerReader(String column, int byteWidth) {
        super(column);
        this.width = byteWidth;
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        long v = rs.getLong(index);
        if (v == 0 && rs.wasNull()) {
            return writeNull(row);
        }
        vector.setWithPossibleTruncate(row, v); // the Arrow type was chosen to hold the column's range
        return width;
    }
}
