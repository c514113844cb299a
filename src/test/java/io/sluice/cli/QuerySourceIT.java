package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.QueryReadBack;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query as the source: its columns probed with a table's fidelity, joins and aggregates read back
 * exact by DuckDB, one statement only, and the query (never the DSN) in the footer.
 */
@ExtendWith(MariaDbExtension.class)
class QuerySourceIT {
    private static final String JOIN = "SELECT o.id, c.name, o.total, o.discount, o.status, o.created, o.paid, o.flag, o.doc, o.ratio\n"
            + "FROM orders o JOIN customers c ON c.id = o.customer -- a comment at the end\n"
            + "ORDER BY o.id DESC;";
    private static final String AGGREGATE = "SELECT c.name, SUM(o.total) AS s, AVG(o.total) AS a, COUNT(*) AS n,"
            + " CAST(SUM(o.id) AS UNSIGNED) AS u, DATE_ADD(MIN(o.paid), INTERVAL 1 DAY) AS d, MAX(o.created) AS latest"
            + " FROM orders o JOIN customers c ON c.id = o.customer GROUP BY c.name ORDER BY c.name";

    @TempDir
    Path dir;

    @BeforeEach
    void tables(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_query",
                "CREATE TABLE IF NOT EXISTS sluice_query.customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS sluice_query.orders (id BIGINT UNSIGNED PRIMARY KEY, customer INT NOT NULL,"
                        + " total DECIMAL(14,4) NOT NULL, discount DECIMAL(5,2), status ENUM('new','paid','it''s'),"
                        + " created DATETIME(3), paid DATE, flag TINYINT(1), doc JSON, ratio FLOAT)",
                "DELETE FROM sluice_query.orders", "DELETE FROM sluice_query.customers",
                "INSERT INTO sluice_query.customers VALUES (1, 'Ann'), (2, 'Bob ünï')",
                "INSERT INTO sluice_query.orders VALUES"
                        + " (18446744073709551615, 1, 9999999999.9999, -999.99, 'it''s', '2024-02-29 23:59:59.999', '2024-02-29', 1,"
                        + " '{\"a\": [1, 2]}', 0.1),"
                        + " (2, 1, 0.0001, NULL, 'new', '1970-01-01 00:00:00.001', '1970-01-01', 0, NULL, 3.4028235e38),"
                        + " (3, 2, -12.5, 0.5, NULL, NULL, NULL, NULL, '[]', NULL)");
    }

    private static String dsn(TestDb db) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_query";
    }

    private static Cli.Run sluice(TestDb db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dsn", dsn(db), "--ssl-mode", "disabled"));
        return Cli.withPassword(all.toArray(String[]::new));
    }

    /** An error the server raises while it sends the rows is said in its own words, not as "something unexpected". */
    @Test
    void aServerErrorMidResultIsTheServersOwnSentence(TestDb db) throws Exception {
        Path file = Files.writeString(dir.resolve("kept.parquet"), "the earlier export");
        // ids 2 and 3 go out first; twice the largest BIGINT UNSIGNED fails on the server, mid-result
        Cli.Run r = sluice(db, "export", "--query", "SELECT id, id * 2 AS twice FROM orders ORDER BY id", "--out", file.toString(),
                "--no-progress");
        assertEquals(1, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), "one sentence: " + r.err());
        assertTrue(r.err().startsWith("The server reported an error: BIGINT UNSIGNED value is out of range in "), r.err());
        assertEquals("the earlier export", Files.readString(file));
        Targets.assertNoTempFiles(dir);
    }

    /** A table's filter names other tables as a user reads it: in the table's database, whatever the DSN's. */
    @Test
    void aFiltersUnqualifiedTablesAreInTheTablesDatabase(TestDb db) throws Exception {
        for (String connections : List.of("1", "2")) {
            Path file = dir.resolve("ann-" + connections + ".parquet");
            Cli.Run r = Cli.withPassword("export", "--dsn", "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/",
                    "--ssl-mode", "disabled", "--table", "sluice_query.orders", "--where",
                    "customer IN (SELECT id FROM customers WHERE name = 'Ann')", "--parallel", connections, "--out", file.toString(),
                    "--no-progress");
            assertEquals(0, r.code(), connections + " connections: " + r.err());
            assertEquals(2, ParquetFiles.footer(file).getBlocks().stream().mapToLong(b -> b.getRowCount()).sum(), r.out());
        }
    }

    @Test
    void aJoinKeepsEachColumnsDeclaredType(TestDb db) throws Exception {
        Cli.Run probe = sluice(db, "probe", "--query", JOIN, "--json");
        assertEquals(0, probe.code(), probe.err());
        for (String expected : List.of("\"name\":\"id\",\"mysqlType\":\"bigint(20) unsigned\"", "\"arrowType\":\"UInt64\"",
                "\"arrowType\":\"Decimal128(14, 4)\"", "\"arrowType\":\"Decimal128(5, 2)\"", "\"arrowType\":\"Utf8 (dictionary)\"",
                "\"mysqlType\":\"datetime(3)\"", "\"mysqlType\":\"tinyint(1)\"", "\"parquetType\":\"BINARY JSON\"",
                "\"arrowType\":\"Float32\"")) {
            assertTrue(probe.out().contains(expected), expected + " in " + probe.out());
        }
        Path out = dir.resolve("join.parquet");
        Cli.Run r = sluice(db, "export", "--query", JOIN, "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        QueryReadBack.assertSameValues(db, "sluice_query", JOIN, out);
        Map<String, String> footer = ParquetFiles.footer(out).getFileMetaData().getKeyValueMetaData();
        assertEquals("SELECT o.id, c.name, o.total, o.discount, o.status, o.created, o.paid, o.flag, o.doc, o.ratio\n"
                + "FROM orders o JOIN customers c ON c.id = o.customer -- a comment at the end\nORDER BY o.id DESC", footer.get("sluice.source"));
        String all = String.join("\n", footer.values());
        assertFalse(all.contains(db.host() + ":" + db.port()) || all.contains(TestDb.USER + "@"), "no DSN in the footer");
        Leaks.assertNowhere(dir);
    }

    @Test
    void aggregatesAndExpressionsReadBackExact(TestDb db) throws Exception {
        Cli.Run probe = sluice(db, "probe", "--query", AGGREGATE, "--json");
        assertEquals(0, probe.code(), probe.err());
        assertTrue(probe.out().contains("\"name\":\"n\",\"mysqlType\":\"bigint\",\"nullable\":false"), probe.out());
        assertTrue(probe.out().contains("\"name\":\"u\",\"mysqlType\":\"bigint unsigned\""), probe.out());
        assertTrue(probe.out().contains("\"name\":\"d\",\"mysqlType\":\"date\""), probe.out());
        assertTrue(probe.out().contains("\"name\":\"latest\",\"mysqlType\":\"datetime(3)\""), probe.out());
        Path out = dir.resolve("agg.parquet");
        Cli.Run r = sluice(db, "export", "--query", AGGREGATE, "--out", out.toString(), "--no-progress", "--json");
        assertEquals(0, r.code(), r.err());
        QueryReadBack.assertSameValues(db, "sluice_query", AGGREGATE, out);
    }

    @Test
    void aColumnSubsetFilterAndLimitApplyToTheQuery(TestDb db) throws Exception {
        Path out = dir.resolve("part.parquet");
        Cli.Run r = sluice(db, "export", "--query", JOIN, "--columns", "id,ratio", "--where", "total > 0", "--limit", "1",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<List<String>> rows = QueryReadBack.duckDb("SELECT CAST(id AS VARCHAR), CAST(ratio AS VARCHAR) FROM read_parquet('" + out + "')");
        assertEquals(1, rows.size());
        assertTrue(List.of("18446744073709551615", "2").contains(rows.get(0).get(0)), rows.toString());
    }

    @Test
    void aSecondStatementNeverRuns(TestDb db) throws Exception {
        Path out = Files.writeString(dir.resolve("keep.parquet"), "old");
        Cli.Run r = sluice(db, "export", "--query", "SELECT 1; DROP TABLE orders", "--out", out.toString(), "--no-progress");
        assertEquals(1, r.code(), r.err());
        assertEquals("The query holds more than one statement; Sluice runs a single SELECT.", r.err().strip());
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
        Targets.assertNoTempFiles(dir);
        assertEquals(3, ordersOnTheServer(db), "the table is still there");

        Cli.Run notSelect = sluice(db, "export", "--query", "DROP TABLE orders", "--out", out.toString(), "--no-progress");
        assertEquals(1, notSelect.code());
        assertEquals("Sluice exports the result of a SELECT; this query starts with DROP.", notSelect.err().strip());
        assertEquals(3, ordersOnTheServer(db));
    }

    @Test
    void aQueryMayStartWithACommentAndAParenthesis(TestDb db) throws Exception {
        Path out = dir.resolve("commented.parquet");
        Cli.Run r = sluice(db, "export", "--query", "/* two kinds */ (SELECT 1 AS n) UNION ALL (SELECT 2)", "--out", out.toString(),
                "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, ParquetFiles.rows(out).size());
    }

    @Test
    void exactlyOneOfTableAndQuery(TestDb db) {
        Cli.Run both = sluice(db, "preview", "--query", "SELECT 1", "--table", "orders");
        assertEquals(2, both.code());
        assertEquals("Give exactly one of --table and --query.", both.err().strip());
        Cli.Run neither = sluice(db, "export", "--out", dir.resolve("x.parquet").toString());
        assertEquals(2, neither.code());
        assertEquals("Give exactly one of --table and --query.", neither.err().strip());
    }

    @Test
    void previewShowsTheQuerysFirstRows(TestDb db) {
        Cli.Run r = sluice(db, "preview", "--query", JOIN, "--limit", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("18446744073709551615"), r.out());
        assertTrue(r.out().contains("9999999999.9999"), r.out());
        assertFalse(r.out().contains("Bob"), "one row only: " + r.out());
    }

    /** A user who may only SELECT from the one database: the query is still typed from its origin columns. */
    @Test
    void aReadOnlyUserGetsTheSameTypes(TestDb db) throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            db.exec("CREATE USER IF NOT EXISTS 'reader'@'" + host + "' IDENTIFIED BY 'r-pass'",
                    "GRANT SELECT ON sluice_query.* TO 'reader'@'" + host + "'");
        }
        Cli.Run r = Cli.run("r-pass\n", "probe", "--query", JOIN, "--json", "--dsn",
                "mysql://reader@" + db.host() + ":" + db.port() + "/sluice_query", "--ssl-mode", "disabled", "--password-stdin");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"mysqlType\":\"enum('new','paid','it''s')\""), r.out());
        assertTrue(r.out().contains("\"mysqlType\":\"tinyint(1)\""), r.out());
        assertTrue(r.out().contains("\"parquetType\":\"BINARY JSON\""), r.out());
        Path out = dir.resolve("reader.parquet");
        Cli.Run export = Cli.run("r-pass\n", "export", "--query", AGGREGATE, "--out", out.toString(), "--no-progress", "--dsn",
                "mysql://reader@" + db.host() + ":" + db.port() + "/sluice_query", "--ssl-mode", "disabled", "--password-stdin");
        assertEquals(0, export.code(), export.err());
        QueryReadBack.assertSameValues(db, "sluice_query", AGGREGATE, out);
    }

    private static long ordersOnTheServer(TestDb db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sluice_query.orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }



    @Test
    void theLimitCutsAQueryWithALimitOfItsOwn(TestDb db) throws Exception {
        String q = "SELECT id, total FROM orders ORDER BY id LIMIT 100000000";
        for (String[] c : new String[][] {{"2", "2"}, {"0", "0"}}) {
            Path out = dir.resolve("limit-" + c[0] + ".parquet");
            Cli.Run r = sluice(db, "export", "--query", q, "--limit", c[0], "--out", out.toString(), "--no-progress", "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("\"rows\":" + c[1] + ","), r.out());
        }
    }

    @Test
    void theMappingAsASparkCustomSchema(TestDb db) {
        Cli.Run r = sluice(db, "probe", "--table", "orders", "--spark-schema");
        assertEquals(0, r.code(), r.err());
        assertEquals("`id` DECIMAL(20,0), `customer` INT, `total` DECIMAL(14,4), `discount` DECIMAL(5,2), `status` STRING,"
                + " `created` TIMESTAMP_NTZ, `paid` DATE, `flag` BYTE, `doc` STRING, `ratio` FLOAT", r.out().strip());
    }
}
