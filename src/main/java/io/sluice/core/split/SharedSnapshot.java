package io.sluice.core.split;

import io.sluice.core.schema.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections that all read one table as of one instant, so that key ranges read at once make one
 * consistent picture, as one connection's SELECT does. One more connection holds {@code LOCK TABLES t
 * READ} while each reader starts {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}, then unlocks:
 * taking the lock waits until no transaction has uncommitted changes to the table, and while it is held
 * none can make one, so every snapshot sees the same committed rows of the table. Writers to that table
 * wait for those N round trips, and for the lock's own wait (at most {@link #LOCK_WAIT_SECONDS}), since
 * the server queues new writers behind a waiting lock. This is mydumper's way, with a lock on the one table rather than
 * {@code FLUSH TABLES WITH READ LOCK} on the whole server, which needs the RELOAD privilege.
 *
 * <p>It needs the LOCK TABLES privilege and a transactional engine. Without them, or when the table
 * stays busy longer than the lock wait, the readers are opened as before, each reading its own snapshot
 * as its statement starts, and the note says why in one sentence.
 */
final class SharedSnapshot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedSnapshot.class);
    /**
     * How long to wait for the table's writers to commit. Short, since while the lock waits the server
     * makes new writers to the table wait behind it, and an export should not queue behind a long
     * transaction either.
     */
    static final int LOCK_WAIT_SECONDS = 1;
    /** MariaDB's and MySQL's "access denied" codes for a database and for a table. */
    private static final List<Integer> DENIED = List.of(1044, 1142);
    /** Lock wait timeout exceeded. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    /** No readers opened ahead: each range opens its own connection (one range, or one at a time). */
    static final SharedSnapshot NONE = new SharedSnapshot(new ArrayDeque<>(), null);

    private final Deque<Connection> readers;
    private final String note;

    private SharedSnapshot(Deque<Connection> readers, String note) {
        this.readers = readers;
        this.note = note;
    }

    /** Why the ranges do not share a snapshot, in one sentence; null when they do. */
    String note() {
        return note;
    }

    /** A reader in the shared snapshot, or, once they are all taken or there is none, a new connection. */
    Connection take(SplitExporter.Connector connector) throws SQLException {
        Connection c;
        synchronized (readers) {
            c = readers.poll();
        }
        return c != null ? c : connector.open();
    }

    /** Closes the readers no range took (one failed or was cancelled before the others started). */
    @Override
    public void close() {
        synchronized (readers) {
            for (Connection c : readers) {
                try {
                    c.close();
                } catch (SQLException e) {
                    log.debug("closing an unused reader", e);
                }
            }
            readers.clear();
        }
    }

    static SharedSnapshot open(SplitExporter.Connector connector, Source.Table table, int readerCount) throws SQLException {
        Deque<Connection> readers = new ArrayDeque<>();
        try (Connection locker = connector.open()) {
            String engine = engineOf(locker, table);
            if (!"innodb".equalsIgnoreCase(engine)) {
                return new SharedSnapshot(readers, "Each range was read as its own snapshot: one shared snapshot needs an InnoDB"
                        + " table, and " + table.footerText() + " is " + (engine == null ? "not one" : engine) + ".");
            }
            List<Connection> opened = new ArrayList<>();
            try {
                for (int i = 0; i < readerCount; i++) {
                    Connection c = connector.open();
                    opened.add(c);
                    try (Statement st = c.createStatement()) {
                        // a consistent snapshot is REPEATABLE READ's; under the server's READ COMMITTED each
                        // statement would take its own, and the START below would only warn
                        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    }
                }
                try (Statement st = locker.createStatement()) {
                    st.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
                    try {
                        st.execute("LOCK TABLES " + table.qualifiedName() + " READ");
                    } catch (SQLException e) {
                        String why = whyNotLocked(e, table);
                        if (why == null) {
                            throw e;
                        }
                        log.info("{}: {}", table.describe(), why);
                        readers.addAll(opened); // plain connections: each reads its own snapshot
                        return new SharedSnapshot(readers, why);
                    }
                    try {
                        for (Connection c : opened) {
                            try (Statement begin = c.createStatement()) {
                                begin.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
                            }
                        }
                    } finally {
                        st.execute("UNLOCK TABLES");
                    }
                }
                readers.addAll(opened);
                log.debug("{}: {} readers share one snapshot", table.describe(), readerCount);
                return new SharedSnapshot(readers, null);
            } catch (SQLException | RuntimeException e) {
                for (Connection c : opened) {
                    try {
                        c.close();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }
    }

    private static String engineOf(Connection c, Source.Table table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            st.setString(1, table.database());
            st.setString(2, table.name());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The note for a lock the server refused or could not give in time; null when the connection itself
     * is gone (SQLSTATE class 08), which the ranges could not survive either.
     */
    private static String whyNotLocked(SQLException e, Source.Table table) {
        String prefix = "Each range was read as its own snapshot: ";
        if (DENIED.contains(e.getErrorCode())) {
            return prefix + "one shared snapshot needs LOCK TABLES on " + table.footerText() + ", which this user may not do.";
        }
        if (e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
            return prefix + table.footerText() + " was locked or had uncommitted changes for more than " + LOCK_WAIT_SECONDS
                    + " s, so the ranges could not start at one instant.";
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return null;
        }
        return prefix + "LOCK TABLES on " + table.footerText() + " failed (" + e.getMessage().strip() + ").";
    }
}
