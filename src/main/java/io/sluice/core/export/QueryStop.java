package io.sluice.core.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a query another thread is running, off the caller's thread (the FX thread or a Ctrl+C
 * handler must not wait for the server).
 *
 * <p>{@link Statement#cancel} sends KILL QUERY from a second connection, but Connector/J sends it only
 * while {@code executeQuery} runs; a streaming result's rows come after it has returned, so a read
 * waiting for a row the server holds back (a slow filter, a lock) would wait on. Aborting the
 * connection closes its socket and ends that read at once.
 */
public final class QueryStop {
    private static final Logger log = LoggerFactory.getLogger(QueryStop.class);

    private QueryStop() {
    }

    /**
     * KILL QUERY while it executes, then the connection aborted: for a streaming export's own connection.
     * {@code st} gives the statement, or null while it is still being prepared (the prepare can wait for
     * a table's metadata lock): then aborting the connection is what ends the wait.
     */
    public static void stopStreaming(Supplier<Statement> st, Connection conn) {
        inBackground(() -> {
            Statement running = st.get();
            if (running != null) {
                cancel(running);
            }
            abort(conn);
        });
    }

    /**
     * Closes a streaming export's connection at once, on the calling thread. Closing it politely, or
     * its streaming result, would read every remaining row first.
     */
    public static void abort(Connection conn) {
        try {
            conn.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            log.debug("abort of the export's connection failed", e);
        }
    }

    /** KILL QUERY while it executes: for a query on a connection that lives on (a preview). */
    public static void stopExecuting(Statement st) {
        inBackground(() -> cancel(st));
    }

    private static void cancel(Statement st) {
        try {
            st.cancel();
        } catch (SQLException | RuntimeException e) {
            log.debug("cancel of the running query failed", e);
        }
    }

    private static void inBackground(Runnable stop) {
        Thread t = new Thread(stop, "sluice-cancel");
        t.setDaemon(true);
        t.start();
    }
}
