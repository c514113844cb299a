package io.sluice.core.read;

import io.sluice.core.error.SluiceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BitVector;

/** TINYINT mapped to Bool by the user: only 0 and 1 are booleans; anything else stops the export. */
final class BoolFromIntReader extends ColumnReader<BitVector> {
    BoolFromIntReader(String column) {
        super(column);
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        long v = rs.getLong(index);
        if (v == 0 && rs.wasNull()) {
            return writeNull(row);
        }
        if (v != 0 && v != 1) {
            throw new SluiceException("Column '" + column + "' holds " + v
                    + ", which is not a boolean; keep its default Int8 mapping.");
        }
        vector.setSafe(row, (int) v);
        return 1;
    }
}
