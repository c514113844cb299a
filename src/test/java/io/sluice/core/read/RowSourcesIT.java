package io.sluice.core.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packet reader slices exactly the bytes the driver's own getBytes returns, for every type of the
 * corpus and at each boundary of MySQL's length encoding (1, 3, 4 and 9 byte lengths).
 */
@ExtendWith(MariaDbExtension.class)
class RowSourcesIT {
    @ParameterizedTest
    @ValueSource(strings = {"ints", "nums", "temporal", "texts", "bins", "geo"})
    void packetsAndJdbcAgreeOnTheTypeCorpus(String table, TestDb db) throws Exception {
        String sql = "SELECT * FROM sluice_types.`" + table + "` ORDER BY id";
        List<List<byte[]>> viaJdbc = readAll(db, sql, false);
        List<List<byte[]>> viaPackets = readAll(db, sql, true);
        assertFalse(viaJdbc.isEmpty());
        assertSame(viaJdbc, viaPackets);
    }

    @Test
    void everyLengthEncodingIsSlicedExactly(TestDb db) throws Exception {
        int[] lengths = {0, 1, 250, 251, 252, 65_535, 65_536, 16_777_215, 16_777_216};
        StringBuilder sql = new StringBuilder("SELECT NULL");
        for (int n : lengths) {
            sql.append(", REPEAT(CHAR(65 + ").append(n % 26).append("), ").append(n).append("), NULL");
        }
        List<List<byte[]>> viaPackets = readAll(db, sql.toString(), true);
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
        assertSame(readAll(db, sql.toString(), false), viaPackets);
    }

    private static List<List<byte[]>> readAll(TestDb db, String sql, boolean packets) throws SQLException {
        try (Connection conn = db.connect(); Statement st = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = st.executeQuery(sql)) {
                RowSource source = packets ? RowSource.of(rs) : new JdbcRowSource(rs);
                if (packets) {
                    assertInstanceOf(PacketRowSource.class, source, "Connector/J's rows are read as packets");
                }
                TextRow row = new TextRow(rs.getMetaData().getColumnCount());
                List<List<byte[]>> out = new ArrayList<>();
                while (source.next(row)) {
                    List<byte[]> values = new ArrayList<>();
                    for (int c = 0; c < row.columns(); c++) {
                        values.add(row.isNull(c) ? null : java.util.Arrays.copyOfRange(row.buffer(c), row.offset(c), row.offset(c) + row.length(c)));
                    }
                    out.add(values);
                }
                return out;
            }
        }
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
