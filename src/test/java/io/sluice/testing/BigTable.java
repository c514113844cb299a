package io.sluice.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** A table far larger than the small allocator the memory test uses; made once per run. */
public final class BigTable {
    public static final String DB = "sluice_big";
    public static final String TABLE = "wide";
    public static final int ROWS = 150_000;
    /** Every row, with a 5 s pause at the middle one (see {@link ServerPause}). */
    public static final String PAUSE_MIDWAY = ServerPause.atRow(ROWS / 2, 5);

    private BigTable() {}

    public static synchronized void ensure(TestDb db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + DB);
            st.execute("USE " + DB); // the sequence engine's seq_1_to_n tables live in the current database
            st.execute("CREATE TABLE IF NOT EXISTS " + DB + "." + TABLE + " (id INT PRIMARY KEY, n BIGINT, d DECIMAL(12,2),"
                    + " ts DATETIME(6), txt VARCHAR(1100))");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + DB + "." + TABLE)) {
                rs.next();
                if (rs.getLong(1) == ROWS) {
                    return;
                }
            }
            st.execute("TRUNCATE " + DB + "." + TABLE);
            // ~1 KB of text a row: 150 MB in all
            st.execute("INSERT INTO " + DB + "." + TABLE + " SELECT seq, seq * 7919, seq / 100,"
                    + " TIMESTAMPADD(MICROSECOND, seq * 1234567, '2020-01-01'), REPEAT(SHA2(seq, 256), 16)"
                    + " FROM seq_1_to_" + ROWS);
            st.execute("ANALYZE TABLE " + DB + "." + TABLE);
        }
    }
}
