package io.sluice.core.read;

import com.mysql.cj.exceptions.CJException;
import com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping;
import com.mysql.cj.protocol.ResultsetRows;
import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.result.AbstractBufferRow;
import com.mysql.cj.protocol.a.result.NativeResultset;
import com.mysql.cj.protocol.a.result.TextBufferRow;
import com.mysql.cj.result.Row;
import java.lang.invoke.VarHandle;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Connector/J's text rows read in one pass over the row packet: each column is a length-encoded
 * string (0xFB for NULL), so its bytes are sliced where they lie. This skips the driver's per-value
 * getters, each of which takes the connection lock, seeks to its column and copies or parses the
 * value; the profile showed them as the largest cost of an export. The packet is reached through
 * two fields of the driver's row class; if a driver version lacks them, {@link #tryOpen} says so and
 * the caller uses {@link JdbcRowSource}. A streaming result is read one layer lower still, by
 * {@link WireRowSource}, which hands the packet that ends the rows back to this class's path.
 */
final class PacketRowSource implements RowSource {
    private static final VarHandle[] FIELDS = DriverFields.find(AbstractBufferRow.class, "reading values through JDBC",
            "rowFromServer", NativePacketPayload.class, "homePosition", int.class);
    private static final VarHandle PAYLOAD = DriverFields.at(FIELDS, 0);
    private static final VarHandle HOME = DriverFields.at(FIELDS, 1);

    private final ResultsetRows rows;
    /** For binary rows (split by the driver, each value's bytes as sent): the unsigned columns; else null. */
    private final boolean[] unsigned;

    PacketRowSource(ResultsetRows rows, boolean[] unsigned) {
        this.rows = rows;
        this.unsigned = unsigned;
    }

    @Override
    public boolean[] unsignedColumns() {
        return unsigned;
    }

    /**
     * The fastest packet source for a Connector/J result set ({@link WireRowSource} for a streaming one),
     * or null when this result set is not one.
     */
    static RowSource tryOpen(ResultSet rs) throws SQLException {
        if (PAYLOAD == null || !rs.isWrapperFor(NativeResultset.class)) {
            return null;
        }
        ResultsetRows rows = rs.unwrap(NativeResultset.class).getRows();
        if (rows == null) {
            return null;
        }
        RowSource wire = WireRowSource.tryOpen(rs, rows);
        if (wire != null) {
            return wire;
        }
        return new PacketRowSource(rows, RowSource.unsignedIfBinary(rs));
    }

    @Override
    public boolean next(TextRow row) throws SQLException {
        return advance(rows, row);
    }

    /** The driver's next row of {@code rows}, sliced into {@code row}; false when the rows have run out. */
    static boolean advance(ResultsetRows rows, TextRow row) throws SQLException {
        Row r;
        try {
            r = rows.next();
        } catch (CJException e) {
            throw SQLExceptionsMapping.translateException(e, null);
        }
        if (r == null) {
            return false;
        }
        if (r instanceof TextBufferRow) {
            NativePacketPayload packet = (NativePacketPayload) PAYLOAD.get(r);
            RowPacket.slice(packet.getByteBuffer(), (int) HOME.get(r), packet.getPayloadLength(), row);
        } else {
            copyEach(r, row); // rows the driver already split (ByteArrayRow), and binary rows (BinaryBufferRow)
        }
        return true;
    }

    private static void copyEach(Row r, TextRow row) {
        for (int c = 0; c < row.columns(); c++) {
            if (r.getNull(c)) {
                row.setNull(c);
            } else {
                byte[] v = r.getBytes(c);
                row.set(c, v, 0, v.length);
            }
        }
    }
}
