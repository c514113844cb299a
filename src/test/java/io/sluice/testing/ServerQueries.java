package io.sluice.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The server's connections running a SELECT on a table. A cancelled export's query can outlive its
 * client by the rest of a server pause (the server notices the closed socket when it next sends a
 * row), so a test that looks for its own export's query takes the ones that were there before it
 * started as someone else's.
 */
public final class ServerQueries {
    private ServerQueries() {}

    /** The ids of connections running a SELECT on {@code table} now. */
    public static Set<Long> selecting(TestDb db, String table) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT%"
                     + table + "%' AND ID <> CONNECTION_ID()")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The id of a connection selecting from {@code table} that is not among {@code before}, within 30 s. */
    public static long awaitNew(TestDb db, String table, Set<Long> before, BooleanSupplier gaveUp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !gaveUp.getAsBoolean()) {
            for (long id : selecting(db, table)) {
                if (!before.contains(id)) {
                    return id;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the export's query never showed up");
    }
}
