package io.sluice.core.export;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.error.CancelledException;
import io.sluice.core.error.ErrorMessages;
import io.sluice.core.error.SluiceException;
import io.sluice.core.read.BatchReader;
import io.sluice.core.read.ColumnReader;
import io.sluice.core.read.GeometryReader;
import io.sluice.core.read.RowSource;
import io.sluice.core.read.ValueFormatter;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.write.ParquetBatchWriter;
import io.sluice.core.write.ParquetSchemas;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one table into one Parquet file: one streaming SELECT, a reading thread filling Arrow
 * batches and a writing thread encoding them, two batches in flight, the file written beside the
 * target and moved into place only on success.
 */
public final class Exporter {
    private static final Logger log = LoggerFactory.getLogger(Exporter.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final ConnectionSpec spec;
    private final BufferAllocator allocator;

    public Exporter(ConnectionSpec spec, BufferAllocator allocator) {
        this.spec = spec;
        this.allocator = allocator;
    }

    /**
     * Runs the export on the calling thread.
     *
     * @throws CancelledException when cancelled; the target is untouched
     * @throws SluiceException with one plain sentence on any failure; the target is untouched
     */
    public ExportSummary run(ExportRequest request, ExportListener listener, CancelToken cancel) {
        long t0 = System.nanoTime();
        try (Connection conn = Connections.open(spec)) {
            TableSchema schema = new SchemaProbe(conn).table(request.database(), request.table());
            ExportPlan plan = ExportPlan.resolve(schema, request.columns(), request.overrides());
            try (AtomicTarget target = AtomicTarget.begin(request.target())) {
                listener.started(plan);
                Result r = stream(conn, plan, request, target, listener, cancel, t0);
                target.commit();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                ExportSummary summary = new ExportSummary(target.target(), r.rows, Files.size(target.target()), elapsed,
                        r.columns, ParquetSchemas.toParquet(plan.arrowSchema()).toString());
                log.info("exported {} rows of {}.{} to {} in {} ms", r.rows, request.database(), request.table(),
                        target.target(), elapsed.toMillis());
                return summary;
            }
        } catch (CancelledException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            SluiceException se = ErrorMessages.wrap(e, spec);
            log.warn("export of {}.{} failed: {}", request.database(), request.table(), se.getMessage(), e);
            throw se;
        }
    }

    private record Result(long rows, List<ExportSummary.ColumnSummary> columns) {}

    private Result stream(Connection conn, ExportPlan plan, ExportRequest req, AtomicTarget target,
                          ExportListener listener, CancelToken cancel, long t0) throws Exception {
        Schema arrowSchema = plan.arrowSchema();
        List<String> names = plan.columns().stream().map(p -> p.column().name()).collect(Collectors.toList());
        BatchReader reader = new BatchReader(names, plan.columns().stream().map(ExportPlan.PlannedColumn::mapping)
                .collect(Collectors.toList()), req.batchRows(), req.batchBytes(), cancel::isCancelled);
        long expected = expectedRows(plan, req);
        Map<String, String> meta = Map.of(
                "sluice.source", plan.schema().table().database() + "." + plan.schema().table().name(),
                "sluice.version", Version.current());
        boolean completed = false;
        ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sluice-writer");
            t.setDaemon(true);
            return t;
        });
        BufferAllocator batchMemory = allocator.newChildAllocator("export", 0, allocator.getLimit());
        VectorSchemaRoot[] roots = {VectorSchemaRoot.create(arrowSchema, batchMemory),
            VectorSchemaRoot.create(arrowSchema, batchMemory)};
        Statement stmt = null;
        Future<?> pending = null;
        try (ParquetBatchWriter writer = new ParquetBatchWriter(target.temp(), arrowSchema, req.writerOptions(), meta)) {
            stmt = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            stmt.execute("SET SESSION TRANSACTION READ ONLY");
            stmt.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row only with this
            Statement running = stmt;
            try (AutoCloseable killer = cancel.onCancel(() -> cancelQuery(running))) {
                String sql = plan.selectSql(req.where().orElse(null), req.limit().isPresent() ? req.limit().getAsLong() : null);
                log.debug("export query: {}", sql);
                ResultSet rs = stmt.executeQuery(sql);
                if (rs.getMetaData().getColumnCount() != names.size()) {
                    throw new SluiceException("The filter changed the columns of the result; use a plain WHERE condition.");
                }
                RowSource rows = RowSource.of(rs);
                WriterState state = new WriterState(req.sampleRows());
                long rowsRead = 0;
                long lastProgress = 0;
                int cur = 0;
                while (true) {
                    int n = reader.fill(rows, roots[cur]);
                    rowsRead += n;
                    if (pending != null) {
                        await(pending);
                    }
                    if (n == 0) {
                        break;
                    }
                    VectorSchemaRoot batch = roots[cur];
                    pending = writerThread.submit(() -> {
                        writer.write(batch);
                        state.written(batch, writer.dataSize(), listener);
                        return null;
                    });
                    cur = 1 - cur;
                    long now = System.nanoTime();
                    if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                        lastProgress = now;
                        listener.progress(new ExportProgress(rowsRead, state.rows, state.bytes, Duration.ofNanos(now - t0), expected));
                    }
                }
                pending = null;
                for (ColumnReader<?> r : reader.readers()) {
                    if (r instanceof GeometryReader g && !g.srids().isEmpty()) {
                        writer.putClosingMetadata("sluice.srid." + r.stats().column(),
                                g.srids().stream().map(String::valueOf).collect(Collectors.joining(",")));
                    }
                }
                rs.close();
                completed = true;
                listener.progress(new ExportProgress(rowsRead, state.rows, state.bytes, Duration.ofNanos(System.nanoTime() - t0),
                        rowsRead));
                return new Result(rowsRead, columnSummaries(plan, reader));
            }
        } finally {
            if (pending != null) {
                try {
                    pending.get(); // let the writer finish its batch before the vectors go away
                } catch (ExecutionException ignored) {
                    // the first failure is the one reported
                }
            }
            writerThread.shutdownNow();
            if (!completed) {
                abort(conn); // closing a streaming result would read every remaining row first
            } else if (stmt != null) {
                stmt.close();
            }
            for (VectorSchemaRoot root : roots) {
                root.close();
            }
            batchMemory.close();
        }
    }

    /** Writer-side counters, read by the reading thread for progress. */
    private static final class WriterState {
        private final int sampleBudget;
        private final int samplePerBatch;
        private volatile long rows;
        private volatile long bytes;
        private int sampled;

        WriterState(int sampleBudget) {
            this.sampleBudget = sampleBudget;
            this.samplePerBatch = Math.max(20, sampleBudget / 10);
        }

        void written(VectorSchemaRoot batch, long dataSize, ExportListener listener) {
            rows += batch.getRowCount();
            bytes = dataSize;
            int k = Math.min(Math.min(samplePerBatch, sampleBudget - sampled), batch.getRowCount());
            if (k > 0) {
                sampled += k;
                listener.sample(ValueFormatter.rows(batch, 0, k));
            }
        }
    }

    private static long expectedRows(ExportPlan plan, ExportRequest req) {
        if (req.where().isPresent()) {
            return -1;
        }
        long estimate = plan.schema().table().rowEstimate();
        if (req.limit().isPresent()) {
            long limit = req.limit().getAsLong();
            return estimate < 0 ? limit : Math.min(limit, estimate);
        }
        return estimate;
    }

    private static List<ExportSummary.ColumnSummary> columnSummaries(ExportPlan plan, BatchReader reader) {
        List<ExportSummary.ColumnSummary> out = new ArrayList<>();
        for (int i = 0; i < plan.columns().size(); i++) {
            ExportPlan.PlannedColumn p = plan.columns().get(i);
            ColumnReader<?> r = reader.readers().get(i);
            out.add(new ExportSummary.ColumnSummary(p.column().name(), p.column().type().columnType(),
                    p.mapping().arrowDisplay(), p.mapping().parquetDisplay(), r.stats().nulls(), r.stats().nulledValues()));
        }
        return out;
    }

    private static void await(Future<?> f) throws Exception {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** KILL QUERY from a second connection (what Statement.cancel does), off the caller's thread. */
    private static void cancelQuery(Statement stmt) {
        Thread t = new Thread(() -> {
            try {
                stmt.cancel();
            } catch (SQLException e) {
                log.debug("cancel of the running query failed", e);
            }
        }, "sluice-cancel");
        t.setDaemon(true);
        t.start();
    }

    private static void abort(Connection conn) {
        try {
            conn.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            log.debug("abort failed", e);
        }
    }
}
