package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns of mostly distinct values are written without a dictionary, in PLAIN pages Sluice encodes
 * itself. Through the CLI, a table of every such type, with each type's edges and NULLs, reads back
 * value by value as the server holds it, and the footer's minimum and maximum are the server's.
 */
@ExtendWith(MariaDbExtension.class)
class PlainPagesIT {
    private static final int ROWS = 4_000;

    @TempDir
    Path dir;

    @Test
    void distinctValuesOfEveryTypeReadBackFromPlainPages(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_plain",
                "DROP TABLE IF EXISTS sluice_plain.many",
                "CREATE TABLE sluice_plain.many (id INT PRIMARY KEY, si SMALLINT, su SMALLINT UNSIGNED, mi MEDIUMINT, i INT,"
                        + " iu INT UNSIGNED, bi BIGINT, bu BIGINT UNSIGNED, d7 DECIMAL(7,2), d14 DECIMAL(14,4), d30 DECIMAL(30,6),"
                        + " f FLOAT, dbl DOUBLE, dt DATE, dtm DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME(6), vc VARCHAR(100),"
                        + " tx TEXT, vb VARBINARY(40), js JSON, ch CHAR(12))",
                "INSERT INTO sluice_plain.many SELECT n,"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN -32768 WHEN 2 THEN 32767 ELSE n * 37 % 65536 - 32768 END),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN 65535 WHEN 2 THEN 0 ELSE n * 41 % 65536 END),"
                        + " IF(n % 7 = 3, NULL, n * 7919 % 16777216 - 8388608),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN 2147483647 WHEN 2 THEN -2147483648 ELSE n * 104729 - 200000000 END),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN 4294967295 WHEN 2 THEN 0 ELSE n * 1000003 END),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN 9223372036854775807 WHEN 2 THEN -9223372036854775808"
                        + "   ELSE (n - 2000) * 4611686018427387 END),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN 18446744073709551615 WHEN 2 THEN 0"
                        + "   ELSE CAST(n AS UNSIGNED) * 4611686018427387 END),"
                        + " IF(n % 7 = 3, NULL, (n * 7919 % 9999999 - 4999999) / 100),"
                        + " IF(n % 7 = 3, NULL, n * 12345.6789 - 24000000),"
                        + " IF(n % 7 = 3, NULL, n * 123456789012.345678),"
                        + " IF(n % 7 = 3, NULL, n * 0.125 - 2.5),"
                        + " IF(n % 7 = 3, NULL, SIN(n) * 1e10),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN '9999-12-31' WHEN 2 THEN '1000-01-01'"
                        + "   ELSE DATE_ADD('1000-01-01', INTERVAL n * 73 DAY) END),"
                        + " IF(n % 7 = 3, NULL, TIMESTAMPADD(MICROSECOND, n * 987654321, '1969-12-31 23:00:00')),"
                        + " IF(n % 7 = 3, NULL, FROM_UNIXTIME(100000 + n * 86411.123)),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN '838:59:59' WHEN 2 THEN '-838:59:59' ELSE SEC_TO_TIME(n * 21.5) END),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN '' ELSE CONCAT('név-', n, '-', SHA1(n)) END),"
                        + " IF(n % 7 = 3, NULL, REPEAT(MD5(n), 1 + n % 5)),"
                        + " IF(n % 7 = 3, NULL, CASE n WHEN 1 THEN '' ELSE UNHEX(SHA1(n)) END),"
                        + " IF(n % 7 = 3, NULL, JSON_OBJECT('n', n, 's', MD5(n))),"
                        + " IF(n % 7 = 3, NULL, LPAD(n, 12, 'é'))"
                        + " FROM (SELECT CAST(seq AS SIGNED) AS n FROM sluice_plain.seq_1_to_" + ROWS + ") t");
        Path out = dir.resolve("many.parquet");
        Cli.Run r = Cli.withPassword("export", "--dsn", "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_plain",
                "--ssl-mode", "disabled", "--table", "many", "--row-group-rows", "1500", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());

        ParquetMetadata footer = ParquetFiles.footer(out);
        assertEquals(3, footer.getBlocks().size(), "4,000 rows in row groups of 1,500");
        for (BlockMetaData group : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : group.getColumns()) {
                // every column is mostly distinct: none has a dictionary; d30, a FIXED_LEN_BYTE_ARRAY, is parquet-java's
                assertEquals(Set.of(Encoding.PLAIN), Set.copyOf(chunk.getEncodings()).stream()
                        .filter(e -> e != Encoding.RLE && e != Encoding.BIT_PACKED).collect(Collectors.toSet()),
                        chunk.getPath() + ": " + chunk.getEncodings());
            }
        }
        try (Connection c = db.connect()) {
            ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_plain", "many", "id", out);
            assertTrue(report.mismatches().isEmpty(), () -> String.join("\n", report.mismatches()));
            assertEquals(ROWS, report.rows());
            assertSameRange(c, footer, "si", false);
            assertSameRange(c, footer, "i", false);
            assertSameRange(c, footer, "iu", true);
            assertSameRange(c, footer, "bi", false);
            assertSameRange(c, footer, "bu", true);
        }
        db.exec("DROP DATABASE sluice_plain");
    }

    /** The smallest minimum and the largest maximum of the row groups are the server's MIN and MAX. */
    private static void assertSameRange(Connection c, ParquetMetadata footer, String column, boolean unsigned) throws Exception {
        Long min = null;
        Long max = null;
        for (BlockMetaData group : footer.getBlocks()) {
            ColumnChunkMetaData chunk = group.getColumns().stream().filter(k -> k.getPath().toDotString().equals(column))
                    .findFirst().orElseThrow();
            Statistics<?> s = chunk.getStatistics();
            assertFalse(s.isEmpty(), column);
            long lo = ((Number) s.genericGetMin()).longValue();
            long hi = ((Number) s.genericGetMax()).longValue();
            if (unsigned && !(s.genericGetMin() instanceof Long)) { // UINT_32 is stored in an INT32
                lo &= 0xFFFF_FFFFL;
                hi &= 0xFFFF_FFFFL;
            }
            min = min == null || compare(lo, min, unsigned) < 0 ? lo : min;
            max = max == null || compare(hi, max, unsigned) > 0 ? hi : max;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(" + column + "), MAX(" + column + ") FROM sluice_plain.many")) {
            rs.next();
            assertEquals(rs.getString(1), unsigned ? Long.toUnsignedString(min) : Long.toString(min), column + " minimum");
            assertEquals(rs.getString(2), unsigned ? Long.toUnsignedString(max) : Long.toString(max), column + " maximum");
        }
    }

    private static int compare(long a, long b, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }
}
