package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.core.service.SluiceService;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import io.sluice.core.write.Compression;
import io.sluice.core.write.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB, a reader Sluice did not write, reads the files back: types and edge values. */
@ExtendWith(MariaDbExtension.class)
class DuckDbReadsBackIT {
    @TempDir
    Path dir;

    private Path export(TestDb db, String table) {
        return export(db, table, Compression.ZSTD);
    }

    private Path export(TestDb db, String table, Compression codec) {
        Path out = dir.resolve(table + "-" + codec + ".parquet");
        try (BufferAllocator a = new RootAllocator()) {
            ExportRequest request = ExportRequest.builder("sluice_types", table, out)
                    .writerOptions(WriterOptions.DEFAULTS.withCompression(codec)).build();
            new SluiceService(a).export(db.spec(), request, ExportListener.NONE, new CancelToken());
        }
        return out;
    }

    /** Every codec the UI offers writes pages DuckDB decodes to the same values (no Hadoop codecs involved). */
    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCodecReadsBackTheSameValues(Compression codec, TestDb db) throws Exception {
        Path f = export(db, "texts", codec);
        String expectedCodec = codec == Compression.NONE ? "UNCOMPRESSED" : codec == Compression.LZ4 ? "LZ4_RAW" : codec.name();
        assertEquals(Map.of("codec", expectedCodec), query("SELECT string_agg(DISTINCT compression, ',') AS codec FROM parquet_metadata('" + f + "')"));
        String digest = "SELECT count(*) AS n, md5(string_agg(coalesce(CAST(COLUMNS(*) AS VARCHAR), '<null>'), '|' ORDER BY id)) AS h"
                + " FROM read_parquet('%s')";
        // the reference is uncompressed; for NONE itself, a different codec (ZSTD) is the reference
        Path reference = export(db, "texts", codec == Compression.NONE ? Compression.ZSTD : Compression.NONE);
        assertFalse(reference.equals(f), "the reference is another file than the one checked");
        Map<String, String> expected = query(digest.formatted(reference));
        assertEquals(Long.toString(rowsOf(db, "texts")), expected.get("n"), "the reference holds every row");
        assertEquals(expected, query(digest.formatted(f)));
    }

    private static long rowsOf(TestDb db, String table) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sluice_types." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> query(String sql) throws Exception {
        Map<String, String> row = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
            }
        }
        return row;
    }

    private static Map<String, String> types(Path file) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        return types;
    }

    @Test
    void integersKeepTheirWidthSignAndEdges(TestDb db) throws Exception {
        Path f = export(db, "ints");
        Map<String, String> t = types(f);
        assertEquals("UTINYINT", t.get("tiu"));
        assertEquals("UINTEGER", t.get("iu"));
        assertEquals("UBIGINT", t.get("biu"));
        assertEquals("SMALLINT", t.get("yr"));
        Map<String, String> max = query("SELECT tiu, siu, miu, iu, biu, bi, yr FROM read_parquet('" + f + "') WHERE id = 2");
        assertEquals(Map.of("tiu", "255", "siu", "65535", "miu", "16777215", "iu", "4294967295", "biu", "18446744073709551615",
                "bi", "9223372036854775807", "yr", "2155"), max);
    }

    @Test
    void decimalsFloatsAndBitsAreExact(TestDb db) throws Exception {
        Path f = export(db, "nums");
        Map<String, String> t = types(f);
        assertEquals("DECIMAL(12,2)", t.get("d12"));
        assertEquals("DECIMAL(38,10)", t.get("d38"));
        Map<String, String> r = query("SELECT d12::VARCHAR AS d12, d38::VARCHAR AS d38, d19::VARCHAR AS d19, f::VARCHAR AS f,"
                + " db::VARCHAR AS db, b64::VARCHAR AS b64 FROM read_parquet('" + f + "') WHERE id = 5");
        assertEquals("12345.67", r.get("d12"));
        assertEquals("12345678901234567890.0123456789", r.get("d38"));
        assertEquals("12345678901234567", r.get("d19"));
        assertEquals("16777216.0", r.get("f")); // FLOAT holds 16777216 for 16777217: exact to the stored float
        assertEquals("0.30000000000000004", r.get("db"));
        assertEquals("1", r.get("b64"));
        // DECIMAL(65,30) in FLBA(32): DuckDB reads it (as DOUBLE, its decimals stop at 38 digits) without the width trap
        Map<String, String> wide = query("SELECT d65 FROM read_parquet('" + f + "') WHERE id = 1");
        assertEquals(1e35, Double.parseDouble(wide.get("d65")), 1e21);
    }

    @Test
    void temporalValuesAndZones(TestDb db) throws Exception {
        Path f = export(db, "temporal");
        Map<String, String> t = types(f);
        assertEquals("DATE", t.get("d"));
        assertEquals("TIMESTAMP", t.get("dt6"));
        assertEquals("TIMESTAMP WITH TIME ZONE", t.get("ts6"));
        Map<String, String> r = query("SELECT d::VARCHAR AS d, dt6::VARCHAR AS dt6, epoch_us(ts6) AS ts6, t6 FROM read_parquet('"
                + f + "') WHERE id = 2");
        assertEquals("9999-12-31", r.get("d"));
        assertEquals("9999-12-31 23:59:59.999999", r.get("dt6"));
        assertEquals("2147483647999999", r.get("ts6"));
        assertEquals(Long.toString(((838L * 60 + 59) * 60 + 59) * 1_000_000 + 999_999), r.get("t6"));
        // rows 3 and 4 hold 0000-00-00 and 2024-00-15: NULL in the file
        assertEquals(Map.of("n", "2"), query("SELECT count(*) AS n FROM read_parquet('" + f + "') WHERE d IS NULL AND id <= 4"));
    }

    @Test
    void textAndBlobsSurvive(TestDb db) throws Exception {
        Path tf = export(db, "texts");
        assertEquals("emoji 😀 and 𠀀 (4-byte)", query("SELECT vc FROM read_parquet('" + tf + "') WHERE id = 2").get("vc"));
        assertEquals("café", query("SELECT latin FROM read_parquet('" + tf + "') WHERE id = 2").get("latin"));
        assertEquals("", query("SELECT c FROM read_parquet('" + tf + "') WHERE id = 1").get("c"));
        Path bf = export(db, "bins");
        assertEquals(Map.of("n", "5242880"), query("SELECT octet_length(lb) AS n FROM read_parquet('" + bf + "') WHERE id = 5"));
        assertEquals(Map.of("n", "4"), query("SELECT octet_length(bn) AS n FROM read_parquet('" + bf + "') WHERE id = 2"));
        // BINARY(0): '' stays '' and NULL stays NULL (as variable-length bytes: Parquet has no 0-byte fixed size)
        assertEquals(Map.of("e", "3", "n", "2"), query("SELECT count(*) FILTER (WHERE octet_length(b0) = 0) AS e,"
                + " count(*) FILTER (WHERE b0 IS NULL) AS n FROM read_parquet('" + bf + "')"));
    }
}
