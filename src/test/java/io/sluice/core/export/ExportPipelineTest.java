package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.error.CancelledException;
import io.sluice.core.write.BatchSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's close order: whatever stops an export (a cancel, a failing read, a failing write),
 * the write in flight ends before the sink is given up and before the batches' memory goes away.
 */
class ExportPipelineTest {
    private static final Schema SCHEMA = new Schema(List.of(new Field("n", FieldType.notNullable(new ArrowType.Int(32, true)), null)));

    private final RootAllocator allocator = new RootAllocator();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void noLeaks() {
        assertEquals(0, allocator.getAllocatedMemory(), "every batch released");
        allocator.close();
    }

    /** Records what happens to it; its first write can be held open until the test releases it. */
    private final class RecordingSink implements BatchSink {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final boolean holdFirstWrite;
        final boolean failWrites;
        volatile boolean inWrite;
        long rows;

        RecordingSink(boolean holdFirstWrite, boolean failWrites) {
            this.holdFirstWrite = holdFirstWrite;
            this.failWrites = failWrites;
        }

        @Override
        public void write(VectorSchemaRoot batch) throws IOException {
            inWrite = true;
            events.add("write");
            try {
                writing.countDown();
                if (holdFirstWrite && release.getCount() > 0) {
                    release.await(10, TimeUnit.SECONDS);
                }
                if (failWrites) {
                    throw new IOException("disk full");
                }
                rows += ((IntVector) batch.getVector(0)).getValueCount();
            } catch (InterruptedException e) {
                throw new IOException(e);
            } finally {
                events.add("write done");
                inWrite = false;
            }
        }

        @Override
        public void close() {
            events.add(inWrite ? "close DURING a write" : "close");
        }

        @Override
        public void abort() {
            events.add(inWrite ? "abort DURING a write" : "abort");
        }
    }

    /** Ten rows a batch, {@code batches} times, then the end; {@code second} runs before the second batch. */
    private static ExportPipeline.BatchSource source(int batches, Runnable second) {
        int[] filled = {0};
        return root -> {
            if (filled[0] == 1) {
                second.run();
            }
            if (filled[0]++ >= batches) {
                root.setRowCount(0);
                return 0;
            }
            IntVector v = (IntVector) root.getVector(0);
            v.allocateNew(10);
            for (int i = 0; i < 10; i++) {
                v.set(i, i);
            }
            root.setRowCount(10);
            return 10;
        };
    }

    /** Lets the held write go on after a pause, so close() has to wait for it. */
    private static void releaseLater(RecordingSink sink) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            sink.release.countDown();
        });
        t.setDaemon(true);
        t.start();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the write started");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBatchIsWrittenThenTheSinkIsCompleted() throws Exception {
        RecordingSink sink = new RecordingSink(false, false);
        try (ExportPipeline p = new ExportPipeline(SCHEMA, allocator, source(5, () -> {}), sink, new ExportPipeline.Listener() {})) {
            assertEquals(50, p.run());
        }
        assertEquals(50, sink.rows);
        assertEquals("close", events.get(events.size() - 1));
        assertEquals(1, events.stream().filter(e -> e.startsWith("close")).count());
        assertTrue(events.stream().noneMatch(e -> e.startsWith("abort")), events.toString());
    }

    @Test
    void aCancelWhileAWriteIsInFlightWaitsForItThenAbortsTheSink() {
        RecordingSink sink = new RecordingSink(true, false);
        CancelToken cancel = new CancelToken();
        ExportPipeline p = new ExportPipeline(SCHEMA, allocator, source(5, () -> {
            await(sink.writing); // the first batch is being written right now
            cancel.cancel();
            releaseLater(sink);
            throw new CancelledException();
        }), sink, new ExportPipeline.Listener() {});
        assertThrows(CancelledException.class, p::run);
        p.close();
        assertEquals(List.of("write", "write done", "abort"), events);
    }

    @Test
    void aReadThatFailsWhileAWriteIsInFlightWaitsForItThenAbortsTheSink() {
        RecordingSink sink = new RecordingSink(true, false);
        ExportPipeline p = new ExportPipeline(SCHEMA, allocator, source(5, () -> {
            await(sink.writing);
            releaseLater(sink);
            throw new IllegalStateException("connection lost");
        }), sink, new ExportPipeline.Listener() {});
        IllegalStateException e = assertThrows(IllegalStateException.class, p::run);
        assertEquals("connection lost", e.getMessage());
        p.close();
        assertEquals(List.of("write", "write done", "abort"), events);
    }

    @Test
    void aFailedWriteStopsTheReadingAndAbortsTheSink() {
        RecordingSink sink = new RecordingSink(false, true);
        ExportPipeline p = new ExportPipeline(SCHEMA, allocator, source(5, () -> {}), sink, new ExportPipeline.Listener() {});
        IOException e = assertThrows(IOException.class, p::run);
        assertEquals("disk full", e.getMessage());
        p.close();
        assertEquals(List.of("write", "write done", "abort"), events);
    }
}
