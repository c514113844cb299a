package io.sluice.core.read;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.NativeSession;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.exceptions.ExceptionFactory;
import com.mysql.cj.jdbc.ServerPreparedStatement;
import com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping;
import com.mysql.cj.protocol.FullReadInputStream;
import com.mysql.cj.protocol.ResultsetRows;
import com.mysql.cj.protocol.SocketConnection;
import com.mysql.cj.protocol.a.NativePacketHeader;
import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.NativeProtocol;
import com.mysql.cj.protocol.a.SimplePacketReader;
import com.mysql.cj.protocol.a.result.NativeResultset;
import com.mysql.cj.protocol.a.result.ResultsetRowsStreaming;
import com.mysql.cj.result.Field;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A streaming result's row packets read straight from the connection's input: where they lie in the
 * driver's read-ahead buffer when they are whole there ({@link ReadAheadBuffer}), else one header and
 * one payload read from the stream into a buffer kept for the whole result.
 *
 * <p>Why: below {@link PacketRowSource}, Connector/J still spends about half of the reading thread's
 * CPU per row on its own layers (a map lookup of the row reader, a row object, a header object, three
 * decorating packet readers). Reading the packets here skips all of them.
 *
 * <p>The driver stays in charge of everything that is not a row. A packet that ends the rows (EOF or
 * OK, first byte 0xFE) or reports an error (0xFF) is handed back to the driver's packet reader as if it
 * had been read but not yet consumed (the same slot its own {@code probeHeader} uses), and the driver's
 * streaming rows read it: they record the server's status, warnings and further results, raise the
 * error, and mark the result ended, exactly as without this class. Between two calls the stream always
 * stands at a packet boundary, so a result closed early is drained by the driver as usual.
 */
final class WireRowSource implements RowSource {
    /** A packet this long is continued by the next one (the protocol's 16 MiB limit per packet). */
    private static final int MAX_PACKET = 0xFFFFFF;
    private static final VarHandle[] FIELDS = DriverFields.find(SimplePacketReader.class, "reading rows through the driver",
            "lastHeader", NativePacketHeader.class, "lastMessage", NativePacketPayload.class);
    private static final VarHandle LAST_HEADER = DriverFields.at(FIELDS, 0);
    private static final VarHandle LAST_MESSAGE = DriverFields.at(FIELDS, 1);

    private final ResultsetRows rows;
    private final SocketConnection socket;
    private final FullReadInputStream in;
    private final SimplePacketReader reader;
    /** The driver's read-ahead buffer, or null when packets can only be read through the stream. */
    private final ReadAheadBuffer ahead;
    private final byte[] header = new byte[4];
    /** Packets read through the stream land here; kept for the whole result, grown as rows need. */
    private byte[] payload = new byte[64 * 1024];
    /** Where the current packet's payload lies: in {@link #payload} or in the driver's buffer. */
    private byte[] bytes;
    private int start;
    private int length;
    /** Packets taken where they lay in the driver's buffer, read through the stream, and rows sliced here (for tests). */
    private long inPlace;
    private long throughStream;
    private long rowsOffTheWire;
    /** Once a packet was handed back, the driver reads on: it knows whether the rows ended. */
    private boolean handedBack;
    /** Binary-protocol rows: each column's {@link WireTypes#fixedWidth}; null for text rows. */
    private final int[] widths;
    private final boolean[] unsigned;

    private WireRowSource(ResultsetRows rows, SocketConnection socket, SimplePacketReader reader, Field[] binaryFields,
            boolean[] unsigned) throws IOException {
        this.rows = rows;
        this.socket = socket;
        this.in = socket.getMysqlInput();
        this.ahead = ReadAheadBuffer.of(in);
        this.reader = reader;
        this.unsigned = unsigned;
        if (binaryFields == null) {
            this.widths = null;
        } else {
            this.widths = new int[binaryFields.length];
            for (int c = 0; c < binaryFields.length; c++) {
                widths[c] = WireTypes.fixedWidth(binaryFields[c].getMysqlTypeId());
            }
        }
    }

    /**
     * A wire source for {@code rows}, or null unless they are rows streamed over Connector/J's native
     * protocol with the plain packet reader and no packet already read ahead: text rows, or binary rows
     * of a server-side prepared statement. Packet debugging and protocol tracing keep the driver's own
     * reading: they watch every packet and its sequence number.
     */
    static RowSource tryOpen(ResultSet rs, ResultsetRows rows) throws SQLException {
        if (!(rows instanceof ResultsetRowsStreaming) || rs.getStatement() == null) {
            return null;
        }
        NativeProtocol protocol = protocolToRead(rs.getStatement().getConnection());
        if (protocol == null || !(protocol.getPacketReader().undecorateAll() instanceof SimplePacketReader reader)
                || LAST_HEADER.get(reader) != null || LAST_MESSAGE.get(reader) != null) {
            return null;
        }
        Field[] binary = rs.getStatement() instanceof ServerPreparedStatement
                ? rs.unwrap(NativeResultset.class).getColumnDefinition().getFields() : null;
        try {
            return new WireRowSource(rows, protocol.getSocketConnection(), reader, binary, RowSource.unsignedIfBinary(rs));
        } catch (IOException e) {
            return null; // no input stream: the driver will say why when it reads
        }
    }

    /** Whether this class can read the rows of a result on {@code conn}, as far as is known before a query runs. */
    static boolean canRead(java.sql.Connection conn) throws SQLException {
        NativeProtocol protocol = protocolToRead(conn);
        return protocol != null && protocol.getPacketReader().undecorateAll() instanceof SimplePacketReader;
    }

    /** The connection's protocol, or null when its packets are not to be read here. */
    private static NativeProtocol protocolToRead(java.sql.Connection conn) throws SQLException {
        if (LAST_HEADER == null || !conn.isWrapperFor(MysqlConnection.class)
                || !(conn.unwrap(MysqlConnection.class).getSession() instanceof NativeSession session)) {
            return null;
        }
        NativeProtocol protocol = session.getProtocol();
        PropertySet props = protocol.getPropertySet();
        if (props.getBooleanProperty(PropertyKey.enablePacketDebug).getValue()
                || props.getBooleanProperty(PropertyKey.traceProtocol).getValue()) {
            return null;
        }
        return protocol;
    }

    @Override
    public boolean[] unsignedColumns() {
        return unsigned;
    }

    @Override
    public boolean next(TextRow row) throws SQLException {
        if (handedBack) {
            return PacketRowSource.advance(rows, row);
        }
        try {
            readPacket();
        } catch (IOException e) {
            socket.forceClose(); // what the driver's own packet reader does when a read fails
            throw SQLExceptionsMapping.translateException(
                    ExceptionFactory.createException("Error retrieving a row: " + e.getMessage(), e, null), null);
        }
        // A text row's first column starts with its length (0-250, 0xFB NULL, 0xFC-0xFE longer lengths);
        // 0xFE would mean 16 MiB or more, which a single packet cannot hold. A binary row starts with 0x00.
        // So a lone packet starting with 0xFE is the end of the rows, and 0xFF an error.
        int first = length == 0 ? -1 : bytes[start] & 0xFF;
        if (length < MAX_PACKET && (first == 0xFE || first == 0xFF || first == -1)) {
            return handBack(row);
        }
        if (widths == null) {
            RowPacket.slice(bytes, start, start + length, row);
        } else {
            BinaryRowPacket.slice(bytes, start, start + length, widths, row);
        }
        rowsOffTheWire++;
        return true;
    }

    /**
     * Reads one packet, and the packets continuing it: taken where it lies in the driver's buffer when
     * it is whole there, else read into {@link #payload}. Sets {@link #bytes}, {@link #start} and
     * {@link #length}.
     */
    private void readPacket() throws IOException {
        if (ahead != null && ahead.take(MAX_PACKET)) {
            bytes = ahead.bytes();
            start = ahead.start();
            length = ahead.length();
            inPlace++;
            return;
        }
        throughStream++;
        in.readFully(header, 0, 4);
        int part = packetLength();
        ensureCapacity(part);
        in.readFully(payload, 0, part);
        int total = part;
        byte sequence = header[3];
        while (part == MAX_PACKET) {
            in.readFully(header, 0, 4);
            part = packetLength();
            if (header[3] != ++sequence) {
                throw new IOException("the server's packets arrived out of order");
            }
            ensureCapacity(total + part);
            in.readFully(payload, total, part);
            total += part;
        }
        bytes = payload;
        start = 0;
        length = total;
    }

    long packetsInPlace() {
        return inPlace;
    }

    long packetsThroughStream() {
        return throughStream;
    }

    long rowsOffTheWire() {
        return rowsOffTheWire;
    }

    private int packetLength() {
        return (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    }

    private void ensureCapacity(int length) throws IOException {
        if (length < 0) {
            throw new IOException("a row longer than 2 GiB cannot be read");
        }
        if (payload.length < length) {
            payload = Arrays.copyOf(payload, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(length, 2L * payload.length)));
        }
    }

    /** Gives the packet just read to the driver's packet reader and lets the driver's rows read it. */
    private boolean handBack(TextRow row) throws SQLException {
        handedBack = true;
        LAST_HEADER.set(reader, new NativePacketHeader(bytes == payload ? header.clone() : ahead.header()));
        LAST_MESSAGE.set(reader, new NativePacketPayload(Arrays.copyOfRange(bytes, start, start + length)));
        return PacketRowSource.advance(rows, row);
    }
}
