package io.sluice.core.export;

import io.sluice.core.error.CancelledException;
import io.sluice.core.error.SluiceException;
import io.sluice.core.read.BatchReader;
import io.sluice.core.read.ColumnReader;
import io.sluice.core.read.RowSource;
import io.sluice.core.read.StreamingQuery;
import io.sluice.core.read.ValueFormatter;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.write.BatchSink;
import io.sluice.core.write.ParquetBatchWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one table into one Parquet file over a connection the service opened: one streaming
 * SELECT feeding an {@link ExportPipeline}, the file written beside the target and moved into place
 * only on success.
 */
public final class Exporter {
    private static final Logger log = LoggerFactory.getLogger(Exporter.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final BufferAllocator allocator;

    public Exporter(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * Runs the export on the calling thread.
     *
     * @throws CancelledException when cancelled; the target is untouched
     * @throws Exception on any failure (the service turns it into a sentence); the target is untouched
     */
    public ExportSummary run(Connection conn, ExportRequest request, ExportListener listener, CancelToken cancel) throws Exception {
        long t0 = System.nanoTime();
        try {
            ExportPlan plan = ExportPlan.resolve(request.source(), new SchemaProbe(conn).describe(request.source()),
                    request.columns(), request.overrides());
            try (AtomicTarget target = AtomicTarget.begin(request.target())) {
                listener.started(plan);
                Result r = stream(conn, plan, request, target, listener, cancel, t0);
                target.commit();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                // the writer's running count includes pages not yet compressed; the end is the file's size
                listener.progress(new ExportProgress(r.rows, r.rows, Files.size(target.target()), elapsed, r.rows));
                log.info("exported {} rows of {} to {} in {} ms", r.rows, request.source().describe(), target.target(),
                        elapsed.toMillis());
                return new ExportSummary(target.target(), r.rows, Files.size(target.target()), elapsed, r.streaming, r.columns,
                        plan.parquetSchema().toString());
            }
        } catch (Exception | OutOfMemoryError e) {
            if (cancel.isCancelled() && !(e instanceof CancelledException)) {
                throw new CancelledException(); // a killed query or closed stream is the cancel's doing
            }
            throw e;
        }
    }

    private record Result(long rows, Duration streaming, List<ExportSummary.ColumnSummary> columns) {}

    private Result stream(Connection conn, ExportPlan plan, ExportRequest req, AtomicTarget target,
                          ExportListener listener, CancelToken cancel, long t0) throws Exception {
        long expected = expectedRows(plan, req);
        Map<String, String> meta = Map.of(
                "sluice.source", plan.source().footerText(),
                "sluice.version", Version.current());
        ParquetBatchWriter writer = new ParquetBatchWriter(target.temp(), plan.arrowSchema(), plan.parquetColumns(),
                req.writerOptions(), meta);
        boolean completed = false;
        Statement stmt = null;
        try {
            String sql = plan.selectSql(req.where().orElse(null), req.limit().isPresent() ? req.limit().getAsLong() : null);
            List<ColumnReader<?>> readers = plan.newReaders();
            AtomicReference<Statement> running = new AtomicReference<>();
            try (AutoCloseable killer = cancel.onCancel(() -> QueryStop.stopStreaming(running::get, conn))) {
                stmt = StreamingQuery.open(conn, sql, readers);
                running.set(stmt);
                log.debug("export query ({} protocol): {}", StreamingQuery.binary(stmt) ? "binary" : "text", sql);
                long queryStart = System.nanoTime();
                ResultSet rs = StreamingQuery.execute(stmt, sql);
                if (rs.getMetaData().getColumnCount() != plan.columns().size()) {
                    throw new SluiceException("The filter changed the columns of the result; use a plain WHERE condition.");
                }
                StreamingQuery.checkExecuted(rs, readers);
                BatchReader reader = new BatchReader(RowSource.of(rs), readers, req.batchRows(), req.batchBytes(),
                        cancel::isCancelled);
                Progress progress = new Progress(req.sampleRows(), writer, listener, expected, t0);
                if (req.sampleRows() > 0) { // the window's; the CLI and jobs take no sample
                    reader.onFirstRows(progress.samplePerBatch, progress::firstRows);
                }
                long rows;
                try (ExportPipeline pipeline = new ExportPipeline(plan.arrowSchema(), allocator, reader::fill,
                        new FooterOnClose(writer, reader), progress)) {
                    rows = pipeline.run();
                }
                rs.close();
                completed = true;
                return new Result(rows, Duration.ofNanos(System.nanoTime() - queryStart), columnSummaries(plan, List.of(reader)));
            }
        } finally {
            writer.abort(); // a no-op after the pipeline completed it; else the temp file is let go
            if (!completed) {
                QueryStop.abort(conn);
            } else if (stmt != null) {
                stmt.close();
            }
        }
    }

    /** The writer as the pipeline's sink; the footer gets what the readers learned (SRIDs) before it closes. */
    private record FooterOnClose(ParquetBatchWriter writer, BatchReader reader) implements BatchSink {
        @Override
        public void write(VectorSchemaRoot batch) throws IOException {
            writer.write(batch);
        }

        @Override
        public void close() throws IOException {
            reader.footerMetadata().forEach(writer::putClosingMetadata);
            writer.close();
        }

        @Override
        public void abort() {
            writer.abort();
        }
    }

    /** Rows sampled from each batch while the budget lasts: the grid fills from the first few batches. */
    public static int samplePerBatch(int sampleBudget) {
        return Math.max(20, sampleBudget / 10);
    }

    /**
     * Progress (throttled) on the reading thread, samples and written bytes on the writer thread,
     * except the first sample: it is taken on the reading thread from the first rows read, so the
     * window shows rows before the first batch is full and written.
     */
    private static final class Progress implements ExportPipeline.Listener {
        private final int sampleBudget;
        private final int samplePerBatch;
        private final ParquetBatchWriter writer;
        private final ExportListener listener;
        private final long expected;
        private final long t0;
        private volatile long rowsWritten;
        private volatile long bytes;
        private int sampled;
        private boolean firstBatchSampled;
        private long lastProgress;

        Progress(int sampleBudget, ParquetBatchWriter writer, ExportListener listener, long expected, long t0) {
            this.sampleBudget = sampleBudget;
            this.samplePerBatch = samplePerBatch(sampleBudget);
            this.writer = writer;
            this.listener = listener;
            this.expected = expected;
            this.t0 = t0;
        }

        @Override
        public void read(long rowsRead) {
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                listener.progress(new ExportProgress(rowsRead, rowsWritten, bytes, Duration.ofNanos(now - t0), expected));
            }
        }

        /** The first batch's sample; the write of that batch, which follows, then takes none. */
        void firstRows(VectorSchemaRoot batch, int rows) {
            firstBatchSampled = sample(batch, rows);
        }

        @Override
        public void written(VectorSchemaRoot batch) {
            rowsWritten += batch.getRowCount();
            bytes = writer.dataSize();
            if (firstBatchSampled) {
                firstBatchSampled = false;
            } else {
                sample(batch, batch.getRowCount());
            }
        }

        /** Up to {@code samplePerBatch} of the batch's first {@code rows} rows, while the budget lasts. */
        private boolean sample(VectorSchemaRoot batch, int rows) {
            int k = Math.min(Math.min(samplePerBatch, sampleBudget - sampled), rows);
            if (k <= 0) {
                return false;
            }
            sampled += k;
            listener.sample(ValueFormatter.rows(batch, 0, k));
            return true;
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

    /** Each column's NULLs and values written as NULL, summed over the readers of one export (one per range). */
    public static List<ExportSummary.ColumnSummary> columnSummaries(ExportPlan plan, List<BatchReader> readers) {
        List<ExportSummary.ColumnSummary> out = new ArrayList<>();
        for (int i = 0; i < plan.columns().size(); i++) {
            ExportPlan.PlannedColumn p = plan.columns().get(i);
            long nulls = 0;
            long nulled = 0;
            for (BatchReader reader : readers) {
                ColumnReader<?> r = reader.readers().get(i);
                nulls += r.stats().nulls();
                nulled += r.stats().nulledValues();
            }
            out.add(new ExportSummary.ColumnSummary(p.column().name(), p.column().type().columnType(),
                    p.mapping().arrowDisplay(), p.mapping().parquetDisplay(), nulls, nulled));
        }
        return out;
    }
}
