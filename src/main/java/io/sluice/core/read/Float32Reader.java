package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.Float4Vector;

/** FLOAT, selected as DOUBLE (exact) and narrowed back: float → double → float is lossless. */
final class Float32Reader extends ColumnReader<Float4Vector> {
    Float32Reader(String column) {
        super(column);
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        double v = rs.getDouble(index);
        if (v == 0 && rs.wasNull()) {
            return writeNull(row);
        }
        vector.setSafe(row, (float) v);
        return 4;
    }
}
