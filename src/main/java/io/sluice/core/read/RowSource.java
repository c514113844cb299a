package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Where rows come from: the next row of a result set, column by column as the server's text. */
public interface RowSource {
    /**
     * Moves to the next row and points {@code row} at its columns.
     *
     * @return false when the rows have run out
     */
    boolean next(TextRow row) throws SQLException;

    /**
     * For rows of the binary protocol ({@link ColumnReader#readBinary}): whether each column's integers
     * are unsigned. Null for text rows.
     */
    default boolean[] unsignedColumns() {
        return null;
    }

    default boolean binary() {
        return unsignedColumns() != null;
    }

    /**
     * For a result of Connector/J's server-side prepared statement (binary rows): whether each column is
     * unsigned; null for text rows.
     */
    static boolean[] unsignedIfBinary(ResultSet rs) throws SQLException {
        if (!(rs.getStatement() instanceof com.mysql.cj.jdbc.ServerPreparedStatement)) {
            return null;
        }
        java.sql.ResultSetMetaData md = rs.getMetaData();
        boolean[] unsigned = new boolean[md.getColumnCount()];
        for (int c = 0; c < unsigned.length; c++) {
            unsigned[c] = !md.isSigned(c + 1);
        }
        return unsigned;
    }

    /**
     * The fastest source the result set allows: Connector/J's row packets, text or binary, sliced in one
     * pass, else one {@code getBytes} per column.
     */
    static RowSource of(ResultSet rs) throws SQLException {
        RowSource packets = PacketRowSource.tryOpen(rs);
        return packets != null ? packets : new JdbcRowSource(rs);
    }
}
