package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.Float8Vector;

/** DOUBLE: the server sends the shortest text that round-trips, so parsing it is exact. */
final class Float64Reader extends ColumnReader<Float8Vector> {
    Float64Reader(String column) {
        super(column);
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        double v = rs.getDouble(index);
        if (v == 0 && rs.wasNull()) {
            return writeNull(row);
        }
        vector.setSafe(row, v);
        return 8;
    }
}
