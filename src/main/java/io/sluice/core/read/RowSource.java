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
     * The fastest source the result set allows: the driver's row packets parsed in one pass when it is
     * Connector/J's text protocol, else one {@code getBytes} per column.
     */
    static RowSource of(ResultSet rs) throws SQLException {
        RowSource packets = PacketRowSource.tryOpen(rs);
        return packets != null ? packets : new JdbcRowSource(rs);
    }
}
