package io.sluice.core.service;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.error.CancelledException;
import io.sluice.core.error.NotConnectedException;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.AtomicTarget;
import io.sluice.core.export.BatchListener;
import io.sluice.core.export.CancelToken;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.export.Exporter;
import io.sluice.core.export.Limits;
import io.sluice.core.export.Previewer;
import io.sluice.core.export.TableOutcome;
import io.sluice.core.schema.DatabaseInfo;
import io.sluice.core.schema.PiiSampler;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.server.DemoDatabase;
import io.sluice.core.split.SplitExporter;
import io.sluice.core.split.SplitOptions;
import io.sluice.core.split.SplitSummary;
import io.sluice.core.types.MappingTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one door, used by the window and the CLI alike. It is the only code that opens
 * connections (read-only sessions, one per call), and every failure leaves it as a
 * {@link SluiceException} whose message is one plain sentence ({@link CancelledException} when the
 * user cancelled). Thread-safe: calls share nothing but the Arrow allocator.
 */
public final class SluiceService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SluiceService.class);

    private final BufferAllocator allocator;
    private final boolean ownsAllocator;

    /** With its own Arrow memory, unbounded but for the JVM's direct memory. */
    public SluiceService() {
        this.allocator = new RootAllocator();
        this.ownsAllocator = true;
    }

    /** With the caller's Arrow memory (to bound it, or to check it for leaks); the caller closes it. */
    public SluiceService(BufferAllocator allocator) {
        this.allocator = allocator;
        this.ownsAllocator = false;
    }

    /** Connects and returns the server's version, e.g. {@code 11.4.5-MariaDB}. */
    public String serverVersion(ConnectionSpec spec) {
        return call("test connection", spec, "filter", c -> new SchemaProbe(c).serverVersion());
    }

    /**
     * Databases with their tables and views: only {@code database} when given (one that is not there
     * fails with a sentence), else every database but the server's own (one rule:
     * {@link DatabaseInfo#system()}).
     */
    public List<DatabaseTables> catalogue(ConnectionSpec spec, String database) {
        return catalogue(spec, database, true);
    }

    /** As {@link #catalogue(ConnectionSpec, String)}; a database that is not there is an empty list unless {@code mustExist}. */
    private List<DatabaseTables> catalogue(ConnectionSpec spec, String database, boolean mustExist) {
        boolean one = database != null && !database.isEmpty();
        return call("list tables", spec, "filter", c -> {
            SchemaProbe probe = new SchemaProbe(c);
            List<DatabaseTables> out = new ArrayList<>();
            for (DatabaseInfo db : probe.databases()) {
                if (one ? db.name().equals(database) : !db.system()) {
                    out.add(new DatabaseTables(db, probe.tables(db.name())));
                }
            }
            if (one && out.isEmpty() && mustExist) { // as an export of one of its tables says
                throw new SluiceException("The database " + database + " does not exist (or you may not see it).");
            }
            return out;
        });
    }

    /**
     * A table's columns with their mappings and PII flags: by name always, and by a sample of the
     * text values when {@code sampleValues} (the sample is read and dropped, never shown).
     */
    public TableDetails inspect(ConnectionSpec spec, Source source, boolean sampleValues) {
        return call("inspect " + source.describe(), spec, sqlWord(source, null), c -> {
            TableSchema schema = new SchemaProbe(c).describe(source);
            Map<String, String> byValues = Map.of();
            if (sampleValues && source instanceof Source.Table) {
                try {
                    byValues = new PiiSampler(c).scan(schema, Limits.SAMPLE_ROWS);
                } catch (SQLException e) {
                    log.info("no PII sample of {}: {}", source.describe(), e.getMessage());
                }
            }
            Map<String, String> pii = byValues;
            return new TableDetails(schema.table(), schema.columns().stream().map(col -> ColumnDetails.of(col, pii.get(col.name())))
                    .toList());
        });
    }

    /** The first rows, rendered exactly as an export would write them. */
    public Previewer.Preview preview(ConnectionSpec spec, Source source, List<String> columns,
                                     Map<String, MappingTarget> overrides, String where, int limit, CancelToken cancel) {
        return call("preview", spec, sqlWord(source, where),
                c -> new Previewer(allocator).preview(c, source, columns, overrides, where, limit, cancel));
    }

    /**
     * Streams the table into the request's target on the calling thread; with more than one of the
     * request's connections, its key ranges are read at once and joined into the target.
     *
     * @throws CancelledException when cancelled; the target is untouched
     * @throws SluiceException on any failure; the target is untouched
     */
    public ExportSummary export(ConnectionSpec spec, ExportRequest request, ExportListener listener, CancelToken cancel) {
        AtomicTarget.checkNamedAsParquet(request.target()); // before a connection is opened for nothing
        if (request.connections() > 1) {
            return exportInRanges(spec, request, listener, cancel);
        }
        try {
            return call("export of " + request.source().describe(), spec,
                    sqlWord(request.source(), request.where().orElse(null)), c -> new Exporter(allocator).run(c, request, listener, cancel));
        } catch (SluiceException e) {
            if (cancel.isCancelled() && !(e instanceof CancelledException)) {
                throw new CancelledException(); // e.g. the connection failed after the user had cancelled
            }
            throw e;
        }
    }

    /**
     * Exports one table after another, each into its own atomic target. A table that fails is
     * reported in its outcome and the others go on, unless the first could not even open a connection:
     * then the rest are not tried, as every one would fail the same way (once a table has connected,
     * a failed connect may pass, and the others are still tried). A cancel stops the running table
     * (its target untouched) and skips the rest (finished files stay).
     */
    public List<TableOutcome> exportEach(ConnectionSpec spec, List<ExportRequest> requests, BatchListener listener,
                                         CancelToken cancel) {
        List<TableOutcome> out = new ArrayList<>();
        String notConnected = null; // no table of the batch could even connect: the others would fail alike
        boolean connectedOnce = false; // after one connected, a failed connect may be passing (a restart, too many connections)
        for (int i = 0; i < requests.size(); i++) {
            ExportRequest r = requests.get(i);
            TableOutcome outcome;
            if (cancel.isCancelled()) {
                outcome = new TableOutcome(r.source(), r.target(), TableOutcome.State.SKIPPED, null, "Skipped: the export was cancelled.");
            } else if (notConnected != null) {
                outcome = new TableOutcome(r.source(), r.target(), TableOutcome.State.FAILED, null,
                        "Not tried: no connection could be opened for " + notConnected + ".");
            } else {
                try {
                    ExportSummary s = export(spec, r, listener.table(i), cancel);
                    outcome = new TableOutcome(r.source(), r.target(), TableOutcome.State.DONE, s, null);
                    connectedOnce = true;
                } catch (CancelledException e) {
                    outcome = new TableOutcome(r.source(), r.target(), TableOutcome.State.CANCELLED, null, e.getMessage());
                } catch (NotConnectedException e) {
                    outcome = new TableOutcome(r.source(), r.target(), TableOutcome.State.FAILED, null, e.getMessage());
                    if (!connectedOnce) {
                        notConnected = r.source() instanceof Source.Table t ? t.footerText() : "an earlier query";
                    }
                } catch (SluiceException e) {
                    outcome = new TableOutcome(r.source(), r.target(), TableOutcome.State.FAILED, null, e.getMessage());
                    connectedOnce = true;
                }
            }
            out.add(outcome);
            listener.finished(i, outcome);
        }
        return out;
    }

    /**
     * The tables a list of names and globs means ({@code *} and {@code ?}; tables and views alike).
     * A plain name stands for itself, even if missing (its export then says so); a glob that matches
     * nothing comes back as a failure sentence.
     */
    public List<TableMatch> matchTables(ConnectionSpec spec, List<TablePattern> patterns) {
        List<TableMatch> out = new ArrayList<>();
        Map<String, List<DatabaseTables>> catalogues = new java.util.HashMap<>();
        for (TablePattern p : patterns) {
            if (!p.isGlob()) {
                out.add(new TableMatch(p, List.of(Source.table(p.database(), p.table())), null));
                continue;
            }
            List<DatabaseTables> dbs = catalogues.computeIfAbsent(p.database(), db -> catalogue(spec, db, false));
            List<Source.Table> found = dbs.stream().flatMap(d -> d.tables().stream()).filter(t -> p.matches(t.name()))
                    .map(t -> Source.table(t.database(), t.name())).toList();
            out.add(new TableMatch(p, found, found.isEmpty()
                    ? "No table of the database " + p.database() + " matches '" + p.table() + "'." : null));
        }
        return out;
    }

    /**
     * A table into one file over the request's connections: its key ranges read at once, then joined in
     * key order. What both faces do when only connections are asked for and the target is named as a
     * Parquet file ({@link SplitOptions#joinsInto}), and what a job's export with connections does.
     */
    private ExportSummary exportInRanges(ConnectionSpec spec, ExportRequest request, ExportListener listener, CancelToken cancel) {
        int connections = request.connections();
        AtomicBoolean connected = new AtomicBoolean();
        try {
            return new SplitExporter(allocator).runIntoOneFile(() -> {
                Connection c = Connections.openReadOnly(spec);
                connected.set(true);
                return c;
            }, request, new SplitOptions(0, 0, connections, 0, 0, false), listener, cancel);
        } catch (Exception | OutOfMemoryError e) {
            if (cancel.isCancelled() && !(e instanceof CancelledException)) {
                throw new CancelledException();
            }
            SluiceException why = fail("export of " + request.source().describe() + " over " + connections + " connections", e, spec,
                    sqlWord(request.source(), request.where().orElse(null)));
            // as one connection's export: a batch does not try the other tables against a server it cannot reach
            throw connected.get() || why instanceof CancelledException ? why : new NotConnectedException(why);
        }
    }

    /**
     * Exports a table into a folder of parts (bounded files, parallel key ranges, one chunk of N,
     * resume), each part atomic and listed in the folder's manifest.
     */
    public SplitSummary exportSplit(ConnectionSpec spec, ExportRequest request, SplitOptions options, ExportListener listener,
                                    CancelToken cancel) {
        try {
            return new SplitExporter(allocator).run(() -> Connections.openReadOnly(spec), request, options, listener, cancel);
        } catch (Exception | OutOfMemoryError e) {
            if (cancel.isCancelled() && !(e instanceof CancelledException)) {
                throw new CancelledException();
            }
            throw fail("split export of " + request.source().describe(), e, spec,
                    sqlWord(request.source(), request.where().orElse(null)));
        }
    }

    /** Starts the private demo database (a few seconds); the caller closes it. */
    public DemoDatabase startDemo() {
        try {
            return DemoDatabase.start();
        } catch (Exception e) {
            throw fail("demo database", e, null, "filter");
        }
    }

    @Override
    public void close() {
        if (ownsAllocator) {
            allocator.close();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /** @param userSql what a syntax error is blamed on: the user's "filter" or "query" */
    private <T> T call(String what, ConnectionSpec spec, String userSql, Work<T> work) {
        Connection c;
        try {
            c = Connections.openReadOnly(spec);
        } catch (Exception | OutOfMemoryError e) {
            SluiceException why = fail(what, e, spec, userSql);
            throw why instanceof CancelledException ? why : new NotConnectedException(why);
        }
        try (c) {
            return work.run(c);
        } catch (Exception | OutOfMemoryError e) {
            throw fail(what, e, spec, userSql);
        }
    }

    /** A syntax error in a query's export is the query's, unless a filter was added to it. */
    private static String sqlWord(Source source, String where) {
        boolean filter = where != null && !where.isBlank();
        if (source instanceof Source.Query) {
            return filter ? "query or filter" : "query";
        }
        return "filter";
    }

    /** The one place a failure becomes a sentence; the details go to the log, never a password. */
    private static SluiceException fail(String what, Throwable e, ConnectionSpec spec, String userSql) {
        if (e instanceof CancelledException ce) {
            log.info("{} cancelled", what);
            return ce;
        }
        SluiceException se = ErrorMessages.wrap(e, spec, userSql);
        log.warn("{} failed: {}", what, se.getMessage(), e);
        return se;
    }
}
