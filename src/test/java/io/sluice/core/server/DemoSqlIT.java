package io.sluice.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo database's script loads (into the run's shared server, as the demo's own server would load it). */
@ExtendWith(MariaDbExtension.class)
class DemoSqlIT {
    @Test
    void theDemoShopLoads(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            SqlScript.run(c, SqlScript.load("demo/demo.sql"));
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM sluice_demo.customers), (SELECT COUNT(*) FROM sluice_demo.products),"
                         + " (SELECT COUNT(*) FROM sluice_demo.orders)")) {
                rs.next();
                assertEquals(5_000, rs.getLong(1));
                assertEquals(500, rs.getLong(2));
                assertEquals(200_000, rs.getLong(3));
            }
        }
    }
}
