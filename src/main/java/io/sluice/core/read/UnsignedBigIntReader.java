package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.UInt8Vector;

/** BIGINT UNSIGNED: the driver's getLong refuses values above Long.MAX_VALUE, so parse the text. */
final class UnsignedBigIntReader extends ColumnReader<UInt8Vector> {
    UnsignedBigIntReader(String column) {
        super(column);
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return writeNull(row);
        }
        vector.setSafe(row, ServerText.unsignedLong(b));
        return 8;
    }
}
