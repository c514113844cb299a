package io.sluice.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.Secret;
import io.sluice.core.connect.TlsMode;
import io.sluice.core.schema.Source;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readers of key ranges at once see the table as of one instant, or are told why not. */
@ExtendWith(MariaDbExtension.class)
class SharedSnapshotIT {
    private static final Source.Table ACCOUNTS = new Source.Table("sluice_snap", "accounts");

    @BeforeEach
    void accounts(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_snap", "DROP TABLE IF EXISTS sluice_snap.accounts",
                "CREATE TABLE sluice_snap.accounts (id INT PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB",
                "INSERT INTO sluice_snap.accounts SELECT seq, 100 FROM sluice_snap.seq_1_to_1000");
    }

    private static List<String> countAndSum(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(balance) FROM sluice_snap.accounts")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    /** Sessions as on a server whose default isolation is READ COMMITTED, where each statement reads its own snapshot. */
    private static Connection readCommitted(TestDb db) throws java.sql.SQLException {
        Connection c = Connections.openReadOnly(db.spec());
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
        return c;
    }

    @Test
    void readersSeeTheTableAsOfOneInstantWhateverIsCommittedAfter(TestDb db) throws Exception {
        try (SharedSnapshot snapshot = SharedSnapshot.open(() -> readCommitted(db), ACCOUNTS, 3)) {
            assertNull(snapshot.note());
            List<Connection> readers = new ArrayList<>();
            try {
                readers.add(snapshot.take(() -> Connections.openReadOnly(db.spec())));
                // committed after the snapshot, before the other readers read anything
                db.exec("UPDATE sluice_snap.accounts SET balance = balance + 1", "DELETE FROM sluice_snap.accounts WHERE id <= 10",
                        "INSERT INTO sluice_snap.accounts VALUES (5000, 7)");
                readers.add(snapshot.take(() -> Connections.openReadOnly(db.spec())));
                readers.add(snapshot.take(() -> Connections.openReadOnly(db.spec())));
                for (Connection reader : readers) {
                    assertEquals(List.of("1000", "100000"), countAndSum(reader), "the table as the snapshot found it");
                }
                try (Connection now = db.connect()) {
                    assertEquals(List.of("991", "99997"), countAndSum(now), "the changes were committed");
                }
            } finally {
                for (Connection c : readers) {
                    c.close();
                }
            }
        }
    }

    @Test
    void aTableWithUncommittedChangesGivesSeparateSnapshotsAfterTheWaitAndSaysWhy(TestDb db) throws Exception {
        try (Connection writer = db.connect(); Statement st = writer.createStatement()) {
            writer.setAutoCommit(false);
            st.execute("UPDATE sluice_snap.accounts SET balance = 0 WHERE id = 1");
            long t0 = System.nanoTime();
            try (SharedSnapshot snapshot = SharedSnapshot.open(() -> Connections.openReadOnly(db.spec()), ACCOUNTS, 2)) {
                assertTrue(snapshot.note().startsWith("Each range was read as its own snapshot: sluice_snap.accounts was locked or had"
                        + " uncommitted changes for more than 1 s"), snapshot.note());
                assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "waited about the lock wait, not the server's default");
                try (Connection reader = snapshot.take(() -> {
                    throw new AssertionError("the plain readers are opened already");
                })) {
                    assertEquals(List.of("1000", "100000"), countAndSum(reader));
                }
            } finally {
                writer.rollback();
            }
        }
    }

    @Test
    void aUserWhoMayNotLockTablesGetsSeparateSnapshotsAndIsTold(TestDb db) throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            db.exec("CREATE USER IF NOT EXISTS 'snapreader'@'" + host + "' IDENTIFIED BY 's-pass'",
                    "GRANT SELECT ON sluice_snap.* TO 'snapreader'@'" + host + "'");
        }
        ConnectionSpec reader = ConnectionSpec.builder(new Dsn("mysql", "snapreader", db.host(), db.port(), ""))
                .password(Secret.of("s-pass".toCharArray())).tlsMode(TlsMode.DISABLED).build();
        try (SharedSnapshot snapshot = SharedSnapshot.open(() -> Connections.openReadOnly(reader), ACCOUNTS, 2)) {
            assertEquals("Each range was read as its own snapshot: one shared snapshot needs LOCK TABLES on sluice_snap.accounts,"
                    + " which this user may not do.", snapshot.note());
        }
    }

    @Test
    void aTableWithoutSnapshotsSaysSo(TestDb db) throws Exception {
        db.exec("ALTER TABLE sluice_snap.accounts ENGINE=MyISAM");
        try (SharedSnapshot snapshot = SharedSnapshot.open(() -> Connections.openReadOnly(db.spec()), ACCOUNTS, 2)) {
            assertEquals("Each range was read as its own snapshot: one shared snapshot needs an InnoDB table, and"
                    + " sluice_snap.accounts is MyISAM.",
                    snapshot.note());
        }
    }
}
