package io.sluice.core.export;

import io.sluice.core.write.BatchSink;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reading and writing overlap: the calling thread fills one batch while the writer thread writes
 * the other (two batches, so the hand-over is bounded and memory stays flat).
 *
 * <p>Close order, on success or not: (1) the writer thread finishes the write it is in (it holds the
 * vectors and the file); (2) the sink is completed, or aborted if anything failed; (3) the batches'
 * memory is released. Nothing is closed while another thread still uses it.
 */
public final class ExportPipeline implements AutoCloseable {
    /** Fills a batch from the source; 0 rows means the source is exhausted. */
    @FunctionalInterface
    public interface BatchSource {
        int fill(VectorSchemaRoot root) throws Exception;
    }

    /** Hears the pipeline: {@link #read} on the reading thread, {@link #written} on the writer thread. */
    public interface Listener {
        default void read(long rowsRead) {}

        default void written(VectorSchemaRoot batch) {}
    }

    private final BatchSource source;
    private final BatchSink sink;
    private final Listener listener;
    private final ExecutorService writerThread;
    private final BufferAllocator memory;
    private final VectorSchemaRoot[] roots;
    private Future<?> pending;
    private boolean finished;
    private boolean closed;

    public ExportPipeline(Schema schema, BufferAllocator parent, BatchSource source, BatchSink sink, Listener listener) {
        this.source = source;
        this.sink = sink;
        this.listener = listener;
        this.memory = parent.newChildAllocator("export", 0, parent.getLimit());
        this.roots = new VectorSchemaRoot[2];
        try {
            roots[0] = VectorSchemaRoot.create(schema, memory);
            roots[1] = VectorSchemaRoot.create(schema, memory);
        } catch (RuntimeException | OutOfMemoryError e) {
            freeMemory();
            throw e;
        }
        this.writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sluice-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Moves every row from the source to the sink and completes the sink.
     *
     * @return the rows moved
     * @throws Exception the first failure of either side; {@link #close()} then aborts the sink
     */
    public long run() throws Exception {
        long rows = 0;
        int cur = 0;
        while (true) {
            int n = source.fill(roots[cur]);
            rows += n;
            awaitPending();
            if (n == 0) {
                break;
            }
            VectorSchemaRoot batch = roots[cur];
            pending = writerThread.submit(() -> {
                sink.write(batch);
                listener.written(batch);
                return null;
            });
            cur = 1 - cur;
            listener.read(rows);
        }
        sink.close();
        finished = true;
        return rows;
    }

    private void awaitPending() throws Exception {
        if (pending == null) {
            return;
        }
        Future<?> f = pending;
        pending = null;
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

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // (1) the write in flight, if any, runs to its end before anything it uses goes away
        try {
            awaitPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            // run() already reported the first failure; this one came after it
        }
        writerThread.shutdown();
        boolean interrupted = false;
        while (!writerThread.isTerminated()) {
            try {
                writerThread.awaitTermination(1, TimeUnit.SECONDS); // a write ends; nothing may go away under it
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // (2) the sink: completed by run() on success, else given up
        if (!finished) {
            sink.abort();
        }
        // (3) the batches' memory
        freeMemory();
    }

    private void freeMemory() {
        for (VectorSchemaRoot root : roots) {
            if (root != null) {
                root.close();
            }
        }
        memory.close();
    }
}
