import io.sluice.core.server.PrivateMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark's server: a private MariaDB whose data directory is kept under bench/work, so the
 * tables are built once and reused. Writes the port to bench/work/port; runs until killed.
 * Usage: java -cp "target/sluice.jar:target/lib/*" bench/BenchServer.java bench/work [rows]
 */
public class BenchServer {
    /** Fills a table once: kept while its row count is the one asked for. */
    private static void build(Statement st, String table, long rows, String columns, String select) throws Exception {
        st.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")");
        long have;
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            have = rs.getLong(1);
        }
        if (have != rows) {
            System.out.println("building bench." + table + " with " + rows + " rows …");
            st.execute("TRUNCATE " + table);
            st.execute("INSERT INTO " + table + " " + select);
            st.execute("ANALYZE TABLE " + table);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        PrivateMariaDb db = PrivateMariaDb.start(work.resolve("db"), false,
                // tables (a) and (b) stay in memory, as on a server that has been running a while
                java.util.List.of("--innodb-buffer-pool-size=4G"));
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.port() + "/?user=root&sslMode=DISABLED");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS bench");
            st.execute("USE bench");
            // (a) 1 M rows of mixed types
            build(st, "mixed", rows, "id BIGINT PRIMARY KEY, i INT, iu INT UNSIGNED, amount DECIMAL(12,2),"
                    + " ratio DOUBLE, label VARCHAR(40), at DATETIME(6), body TEXT, flag TINYINT(1), sparse INT",
                    "SELECT seq, CAST(seq AS SIGNED) * 31 - 15000000, seq * 4099 % 4294967296, (seq * 7919 % 10000000) / 100,"
                    + " seq / 7.0, CONCAT('label-', seq % 1000, '-', LEFT(MD5(seq), 8)),"
                    + " TIMESTAMPADD(MICROSECOND, seq * 1234567, '2020-01-01'), CONCAT(SHA2(seq, 256), ' ', REPEAT('lorem ', 6)),"
                    + " seq % 2, IF(seq % 10 = 0, seq, NULL) FROM seq_1_to_" + rows);
            // (d) the speed issue's analyst table: an unsigned key, ENUM, two DECIMALs and a DOUBLE with NULLs,
            // CHAR, non-ASCII VARCHAR with NULLs, DATETIME(3), DATE with NULLs, TINYINT UNSIGNED, VARBINARY 8-32
            build(st, "ledger", rows, "id BIGINT UNSIGNED PRIMARY KEY, qty INT NOT NULL,"
                    + " status ENUM('new','paid','shipped','returned','cancelled') NOT NULL, price DECIMAL(14,4) NOT NULL,"
                    + " discount DECIMAL(5,2), score DOUBLE, code CHAR(12) NOT NULL, note VARCHAR(200),"
                    + " created DATETIME(3) NOT NULL, shipped DATE, priority TINYINT UNSIGNED NOT NULL, token VARBINARY(32) NOT NULL",
                    "SELECT seq + 9223372036854775807, CAST(seq AS SIGNED) * 37 % 100000 - 50000, 1 + seq % 5, (seq * 7919 % 1000000000) / 10000,"
                    + " IF(seq % 7 = 0, NULL, (seq % 10000) / 100), IF(seq % 5 = 0, NULL, seq / 3.0),"
                    + " UPPER(LEFT(MD5(seq), 12)), IF(seq % 4 = 0, NULL, CONCAT('Größe ', seq % 977, ' — café ', LEFT(SHA1(seq), 8 + seq % 60))),"
                    + " TIMESTAMPADD(MICROSECOND, seq * 987000, '2019-03-01 08:00:00'), IF(seq % 3 = 0, NULL, DATE_ADD('2019-03-01', INTERVAL seq % 2000 DAY)),"
                    + " seq % 256, LEFT(UNHEX(SHA2(seq, 256)), 8 + seq % 25) FROM seq_1_to_" + rows);
            // (b) 10 M narrow rows
            long narrow = rows * 10;
            build(st, "narrow", narrow, "id BIGINT PRIMARY KEY, v INT NOT NULL, d DATE",
                    "SELECT seq, seq * 2654435761 % 2147483647, DATE_ADD('2000-01-01', INTERVAL seq % 9000 DAY) FROM seq_1_to_" + narrow);
            // (c) 2,000 rows of 1-5 MB blobs: repeated hashes, so compressible like documents, not like noise
            build(st, "blobs", 2000, "id INT PRIMARY KEY, name VARCHAR(40), body LONGBLOB",
                    "SELECT seq, CONCAT('blob-', seq), REPEAT(UNHEX(SHA2(seq, 512)), (1 + seq % 5) * 16384) FROM seq_1_to_2000");
        }
        Files.writeString(work.resolve("port"), Integer.toString(db.port()));
        System.out.println("ready on " + db.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
