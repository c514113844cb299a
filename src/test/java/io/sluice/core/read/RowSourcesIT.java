package io.sluice.core.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.protocol.a.result.NativeResultset;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.nio.charset.StandardCharsets;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packet readers slice exactly the bytes the driver's own getBytes returns, for every type of the
 * corpus and at each boundary of MySQL's length encoding (1, 3, 4 and 9 byte lengths). The wire reader,
 * which reads a streaming result's packets below the driver, also leaves the connection as the driver
 * would: after the last row, after an early close and after an error the server sends between rows.
 */
@ExtendWith(MariaDbExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a reader that loses its place in the stream waits for bytes that never come
class RowSourcesIT {
    @ParameterizedTest
    @ValueSource(strings = {"ints", "nums", "temporal", "texts", "bins", "geo"})
    void packetsAndJdbcAgreeOnTheTypeCorpus(String table, TestDb db) throws Exception {
        String sql = "SELECT * FROM sluice_types.`" + table + "` ORDER BY id";
        List<List<byte[]>> viaJdbc = readAll(db, sql, Reader.JDBC);
        assertFalse(viaJdbc.isEmpty());
        assertSame(viaJdbc, readAll(db, sql, Reader.DRIVER_PACKETS));
        assertSame(viaJdbc, readAll(db, sql, Reader.WIRE));
    }

    /** Binary rows (a server-side prepared statement): sliced off the wire as the driver's getBytes gives them. */
    @ParameterizedTest
    @ValueSource(strings = {"ints", "nums", "temporal", "texts", "bins", "geo"})
    void binaryRowsAreSlicedAsTheDriverSlicesThem(String table, TestDb db) throws Exception {
        String sql = "SELECT * FROM sluice_types.`" + table + "` ORDER BY id";
        List<List<byte[]>> viaJdbc = readAllBinary(db, sql, Reader.JDBC);
        assertFalse(viaJdbc.isEmpty());
        assertSame(viaJdbc, readAllBinary(db, sql, Reader.WIRE));
        assertSame(viaJdbc, readAllBinary(db, sql, Reader.DRIVER_PACKETS));
    }

    /** Eleven columns, so the NULL bitmap spans two bytes, and values of every length encoding. */
    @Test
    void binaryRowsOfEveryLengthAndNullAgree(TestDb db) throws Exception {
        String sql = COUNTING + " AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000) SELECT n, "
                + "IF(n % 2 = 0, NULL, CAST(n AS SIGNED)), IF(n % 3 = 0, NULL, REPEAT('x', n % 300)), "
                + "IF(n % 5 = 0, NULL, n * 1.5e0), IF(n % 7 = 0, NULL, DATE '2024-01-01' + INTERVAL n DAY), "
                + "IF(n % 11 = 0, NULL, TIMESTAMP '2024-01-01 00:00:00.5' + INTERVAL n SECOND), "
                + "IF(n % 13 = 0, NULL, CAST(n AS DECIMAL(12,2))), IF(n % 4 = 1, NULL, CAST(n % 128 AS INT)), "
                + "IF(n % 1000 = 7, REPEAT('y', 65530 + n % 13), NULL), NULL, IF(n % 9 = 0, NULL, SEC_TO_TIME(n - 10000)) FROM s";
        List<List<byte[]>> viaJdbc = readAllBinary(db, sql, Reader.JDBC);
        assertEquals(20_000, viaJdbc.size());
        assertSame(viaJdbc, readAllBinary(db, sql, Reader.WIRE));
    }

    @Test
    void manyRowsOfEveryLengthAndNullAgree(TestDb db) throws Exception {
        String sql = COUNTING + " AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 30000) "
                + "SELECT n, REPEAT(CHAR(97 + n % 26), n % 700), IF(n % 7 = 0, NULL, n * 3), CAST(n AS CHAR) FROM s";
        List<List<byte[]>> viaJdbc = readAll(db, sql, Reader.JDBC);
        assertEquals(30_000, viaJdbc.size());
        assertSame(viaJdbc, readAll(db, sql, Reader.WIRE));
    }

    @Test
    void mostPacketsAreTakenWhereTheyLieAndTheRestReadThroughTheStream(TestDb db) throws Exception {
        try (Connection conn = db.connect(); Statement st = streaming(conn)) {
            try (ResultSet rs = st.executeQuery(COUNTING + " AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 30000) "
                    + "SELECT n, REPEAT('y', n % 700) FROM s")) {
                WireRowSource source = (WireRowSource) wire(rs);
                TextRow row = new TextRow(2);
                long rows = 0;
                while (source.next(row)) {
                    rows++;
                    assertEquals(rows % 700, row.length(1), "row " + rows);
                }
                assertEquals(30_000, rows);
                // packets of 4–710 bytes in a 16 KiB buffer: a few straddle its end and are read through the stream
                assertTrue(source.packetsThroughStream() > 0, "some packets straddle the buffer's end");
                assertTrue(source.packetsInPlace() > 10 * source.packetsThroughStream(),
                        source.packetsInPlace() + " in place, " + source.packetsThroughStream() + " through the stream");
            }
            assertEquals(42, answer(st));
        }
    }

    /**
     * Rows at the protocol's 16 MiB packet limit. 16,777,216 bytes: the row's first byte is 0xFE (an
     * 8-byte length), which also opens the packet that ends the rows; only the packet's length tells
     * them apart. 16,777,211 bytes: with its 4-byte length the row fills one packet exactly, and an
     * empty packet ends it.
     */
    @ParameterizedTest
    @ValueSource(ints = {16_777_216, 16_777_211})
    void rowsAtThePacketLimitAreRowsNotTheEnd(int length, TestDb db) throws Exception {
        String sql = "SELECT REPEAT('z', " + length + ") UNION ALL SELECT 'after'";
        List<List<byte[]>> viaWire = readAll(db, sql, Reader.WIRE);
        assertEquals(2, viaWire.size());
        assertEquals(length, viaWire.get(0).get(0).length);
        assertSame(readAll(db, sql, Reader.JDBC), viaWire);
    }

    @Test
    void anEmptyResultEndsAndStaysEnded(TestDb db) throws Exception {
        try (Connection conn = db.connect(); Statement st = streaming(conn)) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM DUAL WHERE 1 = 0")) {
                RowSource source = wire(rs);
                TextRow row = new TextRow(1);
                assertFalse(source.next(row));
                assertFalse(source.next(row), "asked again after the end");
            }
            assertEquals(42, answer(st));
        }
    }

    @Test
    void aResultClosedEarlyIsDrainedByTheDriver(TestDb db) throws Exception {
        try (Connection conn = db.connect(); Statement st = streaming(conn)) {
            try (ResultSet rs = st.executeQuery(COUNTING + " AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 50000) "
                    + "SELECT n, REPEAT('x', n % 300) FROM s")) {
                RowSource source = wire(rs);
                TextRow row = new TextRow(2);
                for (int i = 1; i <= 10; i++) {
                    assertTrue(source.next(row));
                    assertEquals(String.valueOf(i), text(row, 0));
                }
            }
            assertEquals(42, answer(st), "the rest of the rows were read off the connection");
        }
    }

    @Test
    void anErrorBetweenRowsIsTheServersAndTheConnectionGoesOn(TestDb db) throws Exception {
        try (Connection conn = db.connect(); Statement st = streaming(conn)) {
            int read = 0;
            SQLException error = null;
            try (ResultSet rs = st.executeQuery(COUNTING + " AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 50000) "
                    + "SELECT n, (SELECT 1 FROM (SELECT 1 UNION ALL SELECT 2) t WHERE n = 40000) FROM s")) {
                RowSource source = wire(rs);
                TextRow row = new TextRow(2);
                try {
                    while (source.next(row)) {
                        read++;
                    }
                } catch (SQLException e) {
                    error = e;
                }
                assertFalse(source.next(row), "no rows after the error");
            }
            assertTrue(error != null, "the server's error reached the reader after " + read + " rows");
            assertEquals(1242, error.getErrorCode(), error.getMessage()); // subquery returns more than 1 row
            assertTrue(read > 0 && read < 40_000, read + " rows before the error");
            assertEquals(42, answer(st));
        }
    }

    @Test
    void everyLengthEncodingIsSlicedExactly(TestDb db) throws Exception {
        int[] lengths = {0, 1, 250, 251, 252, 65_535, 65_536, 16_777_215, 16_777_216};
        StringBuilder sql = new StringBuilder("SELECT NULL");
        for (int n : lengths) {
            sql.append(", REPEAT(CHAR(65 + ").append(n % 26).append("), ").append(n).append("), NULL");
        }
        List<List<byte[]>> viaPackets = readAll(db, sql.toString(), Reader.WIRE);
        assertEquals(1, viaPackets.size());
        List<byte[]> row = viaPackets.get(0);
        assertEquals(null, row.get(0));
        for (int i = 0; i < lengths.length; i++) {
            byte[] v = row.get(1 + 2 * i);
            assertEquals(lengths[i], v.length, "length " + lengths[i]);
            for (byte b : v) {
                if (b != 'A' + lengths[i] % 26) {
                    throw new AssertionError("wrong byte in the value of length " + lengths[i]);
                }
            }
            assertEquals(null, row.get(2 + 2 * i), "the NULL after length " + lengths[i]);
        }
        assertSame(readAll(db, sql.toString(), Reader.JDBC), viaPackets);
        assertSame(readAll(db, sql.toString(), Reader.DRIVER_PACKETS), viaPackets);
    }

    /** Numbers 1 … n from a recursive query ({@link #streaming} lifts MariaDB's default limit of 1,000). */
    private static final String COUNTING = "WITH RECURSIVE s(n)";

    private enum Reader { JDBC, DRIVER_PACKETS, WIRE }

    private static List<List<byte[]>> readAll(TestDb db, String sql, Reader reader) throws SQLException {
        try (Connection conn = db.connect(); Statement st = streaming(conn)) {
            List<List<byte[]>> out;
            try (ResultSet rs = st.executeQuery(sql)) {
                RowSource source = switch (reader) {
                    case JDBC -> new JdbcRowSource(rs);
                    case DRIVER_PACKETS -> new PacketRowSource(rs.unwrap(NativeResultset.class).getRows(), null);
                    case WIRE -> wire(rs);
                };
                out = rows(source, rs);
            }
            assertEquals(42, answer(st), "the connection answers after the result");
            return out;
        }
    }

    /** As {@link #readAll}, through a server-side prepared statement: binary rows. */
    private static List<List<byte[]>> readAllBinary(TestDb db, String sql, Reader reader) throws SQLException {
        try (Connection conn = db.connect(); Statement plain = streaming(conn);
                PreparedStatement ps = conn.unwrap(JdbcConnection.class).serverPrepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            List<List<byte[]>> out;
            try (ResultSet rs = ps.executeQuery()) {
                RowSource source = switch (reader) {
                    case JDBC -> new JdbcRowSource(rs);
                    case DRIVER_PACKETS -> new PacketRowSource(rs.unwrap(NativeResultset.class).getRows(), RowSource.unsignedIfBinary(rs));
                    case WIRE -> wire(rs);
                };
                assertTrue(source.binary(), "binary rows");
                out = rows(source, rs);
            }
            assertEquals(42, answer(plain), "the connection answers after the result");
            return out;
        }
    }

    /** Every row of {@code source}, each column's bytes copied out (null for NULL). */
    private static List<List<byte[]>> rows(RowSource source, ResultSet rs) throws SQLException {
        List<List<byte[]>> out = new ArrayList<>();
        TextRow row = new TextRow(rs.getMetaData().getColumnCount());
        while (source.next(row)) {
            List<byte[]> values = new ArrayList<>();
            for (int c = 0; c < row.columns(); c++) {
                values.add(row.isNull(c) ? null : Arrays.copyOfRange(row.buffer(c), row.offset(c), row.offset(c) + row.length(c)));
            }
            out.add(values);
        }
        if (source instanceof WireRowSource w) { // the driver, handed a packet back, would read any rows left itself
            assertEquals(out.size(), w.rowsOffTheWire(), "every row was read off the wire");
        }
        return out;
    }

    private static Statement streaming(Connection conn) throws SQLException {
        try (Statement set = conn.createStatement()) {
            set.execute("SET SESSION max_recursive_iterations = 100000");
        }
        Statement st = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(Integer.MIN_VALUE);
        return st;
    }

    /** The source an export gets for a streaming result, which must be the wire reader. */
    private static RowSource wire(ResultSet rs) throws SQLException {
        RowSource source = RowSource.of(rs);
        assertInstanceOf(WireRowSource.class, source, "a streaming result is read off the wire");
        return source;
    }

    private static int answer(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String text(TextRow row, int c) {
        return new String(row.buffer(c), row.offset(c), row.length(c), StandardCharsets.UTF_8);
    }

    private static void assertSame(List<List<byte[]>> expected, List<List<byte[]>> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                assertArrayEquals(expected.get(r).get(c), actual.get(r).get(c), "row " + r + " column " + (c + 1));
            }
        }
    }
}
