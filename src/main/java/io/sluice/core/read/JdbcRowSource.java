package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Any JDBC driver: one {@code getBytes} per column, which copies each value. For Connector/J's binary
 * rows, {@code getBytes} gives each value's bytes as the protocol sent them, so they are read as binary.
 */
final class JdbcRowSource implements RowSource {
    private final ResultSet rs;
    private final boolean[] unsigned;

    JdbcRowSource(ResultSet rs) throws SQLException {
        this.rs = rs;
        this.unsigned = RowSource.unsignedIfBinary(rs);
    }

    @Override
    public boolean[] unsignedColumns() {
        return unsigned;
    }

    @Override
    public boolean next(TextRow row) throws SQLException {
        if (!rs.next()) {
            return false;
        }
        for (int c = 0; c < row.columns(); c++) {
            byte[] b = rs.getBytes(c + 1);
            if (b == null) {
                row.setNull(c);
            } else {
                row.set(c, b, 0, b.length);
            }
        }
        return true;
    }
}
