package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.error.CancelledException;
import io.sluice.core.error.SluiceException;
import io.sluice.core.service.SluiceService;
import io.sluice.testing.BigTable;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.ServerPause;
import io.sluice.testing.SharedResources;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

@ExtendWith(MariaDbExtension.class)
@ResourceLock(value = SharedResources.BIG_TABLE, mode = ResourceAccessMode.READ)
class ExportBehaviourIT {
    private static final String ODD_DB = "odd db `name` ü";
    private static final String ODD_TABLE = "select 'x' \"y\" `z` ünï ✓ 表;";
    private static final byte[] OLD_CONTENT = "the old file".getBytes();
    private static BufferAllocator allocator;

    @TempDir
    Path dir;

    @BeforeAll
    static void allocator() {
        allocator = new RootAllocator();
    }

    @AfterAll
    static void noLeaks() {
        allocator.close(); // throws if any export leaked an Arrow buffer
    }

    private ExportSummary export(TestDb db, ExportRequest request, ExportListener listener, CancelToken cancel) {
        return new SluiceService(allocator).export(db.spec(), request, listener, cancel);
    }

    @Test
    void oddIdentifiersJustWork(TestDb db) throws Exception {
        Path out = dir.resolve("odd.parquet");
        ExportSummary s = export(db, ExportRequest.builder(ODD_DB, ODD_TABLE, out).build(), ExportListener.NONE, new CancelToken());
        assertEquals(2, s.rows());
        MessageType schema = ParquetFiles.schema(out);
        assertEquals(List.of("id", "my col", "from", "a`b", "ü", "表", "semi;colon", "\"dq\"", "'sq'"),
                schema.getFields().stream().map(f -> f.getName()).collect(Collectors.toList()));
        try (Connection c = db.connect()) {
            ParquetVerifier.Report r = ParquetVerifier.verify(c, ODD_DB, ODD_TABLE, "id", out);
            assertTrue(r.mismatches().isEmpty(), () -> String.join("\n", r.mismatches()));
        }
    }

    @Test
    void subsetFilterAndLimitShapeTheFile(TestDb db) throws Exception {
        Path out = dir.resolve("subset.parquet");
        ExportRequest req = ExportRequest.builder("sluice_types", "ints", out).columns(List.of("biu", "id"))
                .where("id >= 2 -- a trailing comment must not swallow the LIMIT").limit(2L).build();
        ExportSummary s = export(db, req, ExportListener.NONE, new CancelToken());
        assertEquals(2, s.rows());
        List<Group> rows = ParquetFiles.rows(out);
        assertEquals(List.of("biu", "id"), ParquetFiles.schema(out).getFields().stream().map(f -> f.getName()).collect(Collectors.toList()));
        assertEquals("18446744073709551615", Long.toUnsignedString(rows.get(0).getLong(0, 0)));
        assertEquals(2, rows.get(0).getInteger(1, 0));
    }

    @Test
    void anEmptyResultIsAValidFileWithTheSchema(TestDb db) throws Exception {
        Path out = dir.resolve("empty.parquet");
        ExportSummary s = export(db, ExportRequest.builder("sluice_types", "temporal", out).where("1 = 0").build(),
                ExportListener.NONE, new CancelToken());
        assertEquals(0, s.rows());
        assertEquals(11, ParquetFiles.schema(out).getFieldCount());
        assertTrue(ParquetFiles.rows(out).isEmpty());
    }

    @Test
    void aFailedExportLeavesTheTargetAsItWas(TestDb db) throws Exception {
        Path out = Files.write(dir.resolve("keep.parquet"), OLD_CONTENT);
        SluiceException e = assertThrows(SluiceException.class, () -> export(db,
                ExportRequest.builder("sluice_types", "ints", out).where("id = = 1").build(), ExportListener.NONE, new CancelToken()));
        assertEquals("The filter is not valid SQL near '= 1'.", e.getMessage());
        assertUntouched(out);
    }

    @Test
    void aSecondStatementInTheFilterDoesNotRun(TestDb db) throws Exception {
        Path out = dir.resolve("inject.parquet");
        assertThrows(SluiceException.class, () -> export(db,
                ExportRequest.builder("sluice_types", "misc", out).where("1=1; DROP TABLE sluice_types.misc").build(),
                ExportListener.NONE, new CancelToken()));
        try (Connection c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM sluice_types.misc")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        assertTrue(Files.notExists(out));
        assertNoTempFiles();
    }

    @Test
    void theExportRunsInAReadOnlySession(TestDb db) throws Exception {
        Path out = dir.resolve("ro.parquet");
        ExportSummary s = export(db, ExportRequest.builder("sluice_types", "misc", out).where("@@transaction_read_only = 1").build(),
                ExportListener.NONE, new CancelToken());
        assertEquals(1, s.rows(), "the filter sees a read-only session");
    }

    @Test
    void cancelMidExportLeavesTheTargetAsItWas(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = Files.write(dir.resolve("cancelled.parquet"), OLD_CONTENT);
        CancelToken cancel = new CancelToken();
        AtomicInteger samples = new AtomicInteger();
        long t0 = System.nanoTime();
        long[] cancelledAt = new long[1];
        assertThrows(CancelledException.class, () -> export(db,
                ExportRequest.builder(BigTable.DB, BigTable.TABLE, out).batch(1000, 8 << 20).build(),
                new ExportListener() {
                    @Override
                    public void sample(List<List<String>> rows) {
                        if (samples.incrementAndGet() == 2) {
                            cancelledAt[0] = System.nanoTime();
                            cancel.cancel();
                        }
                    }
                }, cancel));
        long stopMillis = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
        assertTrue(stopMillis < 1000, "stopped " + stopMillis + " ms after Cancel");
        assertUntouched(out);
    }

    /**
     * The window shows the first sample while the first batch is still being read (a cold JVM takes a
     * second to fill and write it): it comes on the reading thread, which is the caller's, holds the
     * table's first rows as the file has them, and the later samples still come from written batches.
     */
    @Test
    void theFirstSampleComesFromTheFirstRowsRead(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = dir.resolve("early.parquet");
        Thread caller = Thread.currentThread();
        List<List<List<String>>> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExportSummary s = export(db, ExportRequest.builder(BigTable.DB, BigTable.TABLE, out).batch(10_000, 64L << 20).build(),
                new ExportListener() {
                    @Override
                    public void sample(List<List<String>> rows) {
                        samples.add(rows);
                        events.add(Thread.currentThread() == caller ? "sample on the reading thread" : "sample after a write");
                    }

                    @Override
                    public void progress(ExportProgress p) {
                        events.add("progress"); // the first comes once the first batch is full
                    }
                }, new CancelToken());
        assertEquals(BigTable.ROWS, s.rows());
        assertEquals(List.of("sample on the reading thread", "progress"), events.subList(0, 2), "the first sample before the first batch is full");
        assertTrue(events.contains("sample after a write"), "the later samples come from written batches");
        List<Group> written = ParquetFiles.rows(out);
        List<String> firstIds = written.subList(0, samples.get(0).size()).stream()
                .map(g -> String.valueOf(g.getInteger("id", 0))).collect(Collectors.toList());
        assertEquals(firstIds, samples.get(0).stream().map(r -> r.get(0)).collect(Collectors.toList()));
        assertEquals(20, samples.get(0).size());
        assertEquals(String.valueOf(written.get(10_000).getInteger("id", 0)), samples.get(1).get(0).get(0),
                "the second sample starts the second batch");
    }

    @Test
    void memoryStaysBoundedOnATableFarLargerThanTheAllocator(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = dir.resolve("big.parquet");
        long limit = 64L << 20;
        try (BufferAllocator small = new RootAllocator(limit)) {
            ExportSummary s = new SluiceService(small).export(db.spec(),
                    ExportRequest.builder(BigTable.DB, BigTable.TABLE, out).batch(65_536, 8L << 20).build(),
                    ExportListener.NONE, new CancelToken());
            assertEquals(BigTable.ROWS, s.rows());
            assertTrue(small.getPeakMemoryAllocation() <= limit, "peak " + small.getPeakMemoryAllocation());
            assertEquals(0, small.getAllocatedMemory(), "every Arrow buffer released");
        }
        assertEquals(BigTable.ROWS, ParquetFiles.footer(out).getBlocks().stream().mapToLong(b -> b.getRowCount()).sum());
    }

    /**
     * A 16 MB JSON document and a 5 MB blob, each far wider than the 1 MiB batch budget: the batch
     * closes after the wide row, memory stays inside a 96 MiB allocator, and the values read back exactly.
     */
    @Test
    void valuesWiderThanTheBatchBudgetStayBoundedAndExact(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_wide",
                "CREATE TABLE IF NOT EXISTS sluice_wide.docs (id INT PRIMARY KEY, doc JSON, b LONGBLOB)",
                "TRUNCATE sluice_wide.docs",
                "INSERT INTO sluice_wide.docs VALUES (1, '{\"small\": true}', x'00ff'),"
                        + " (2, CONCAT('[', REPEAT('\"abcdefghij\", ', 1600000), '\"end\"]'), NULL),"
                        + " (3, NULL, RANDOM_BYTES(1024)), (4, '[]', REPEAT(x'5a', 5 * 1024 * 1024))");
        Path out = dir.resolve("docs.parquet");
        long limit = 96L << 20;
        try (BufferAllocator small = new RootAllocator(limit)) {
            ExportSummary s = new SluiceService(small).export(db.spec(),
                    ExportRequest.builder("sluice_wide", "docs", out).batch(1000, 1L << 20).build(),
                    ExportListener.NONE, new CancelToken());
            assertEquals(4, s.rows());
            assertTrue(small.getPeakMemoryAllocation() <= limit, "peak " + small.getPeakMemoryAllocation());
            assertEquals(0, small.getAllocatedMemory(), "every Arrow buffer released");
        }
        try (Connection c = db.connect()) {
            long docBytes;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT LENGTH(doc) FROM sluice_wide.docs WHERE id = 2")) {
                rs.next();
                docBytes = rs.getLong(1);
            }
            assertTrue(docBytes > 16_000_000, "the document is " + docBytes + " bytes");
            ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_wide", "docs", "id", out);
            assertTrue(report.mismatches().isEmpty(), () -> String.join("\n", report.mismatches()));
            assertEquals(4, report.rows());
        }
    }

    @Test
    void cancelAtTheFirstBatchLeavesTheTargetAsItWas(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = Files.write(dir.resolve("first.parquet"), OLD_CONTENT);
        CancelToken cancel = new CancelToken();
        assertThrows(CancelledException.class, () -> export(db,
                ExportRequest.builder(BigTable.DB, BigTable.TABLE, out).batch(1000, 8 << 20).build(),
                new ExportListener() {
                    @Override
                    public void sample(List<List<String>> rows) {
                        cancel.cancel(); // the first sample: its rows read, the first batch not yet full
                    }
                }, cancel));
        assertUntouched(out);
    }

    @Test
    void cancelNearTheEndLeavesTheTargetAsItWas(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = Files.write(dir.resolve("last.parquet"), OLD_CONTENT);
        CancelToken cancel = new CancelToken();
        AtomicLong seen = new AtomicLong();
        // the server pauses half a second at row 140,000, so a progress report lands in the last few batches
        String pause = ServerPause.atRow(140000, 0.5);
        assertThrows(CancelledException.class, () -> export(db,
                ExportRequest.builder(BigTable.DB, BigTable.TABLE, out).where(pause).batch(1000, 8 << 20).build(),
                new ExportListener() {
                    @Override
                    public void progress(ExportProgress p) {
                        seen.set(p.rowsRead());
                        if (p.rowsRead() >= BigTable.ROWS * 9 / 10 && p.rowsRead() < BigTable.ROWS) {
                            cancel.cancel();
                        }
                    }
                }, cancel));
        assertTrue(seen.get() >= BigTable.ROWS * 9 / 10, "cancelled at " + seen.get());
        assertUntouched(out);
    }

    @Test
    void cancelWhileTheServerHoldsARowBackStopsAtOnce(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = Files.write(dir.resolve("held.parquet"), OLD_CONTENT);
        CancelToken cancel = new CancelToken();
        AtomicLong rowsAtCancel = new AtomicLong(-1);
        AtomicLong rows = new AtomicLong();
        // the server holds the middle row back for 12 s; the export is cancelled 4 s in, while the reader waits for it
        String pause = ServerPause.atRow(BigTable.ROWS / 2, 12);
        AtomicLong cancelledAt = new AtomicLong();
        Thread canceller = new Thread(() -> {
            sleepQuietly(4_000);
            rowsAtCancel.set(rows.get());
            cancelledAt.set(System.nanoTime());
            cancel.cancel();
        });
        canceller.setDaemon(true);
        canceller.start();
        assertThrows(CancelledException.class, () -> export(db,
                ExportRequest.builder(BigTable.DB, BigTable.TABLE, out).where(pause).batch(1000, 8 << 20).build(),
                new ExportListener() {
                    @Override
                    public void progress(ExportProgress p) {
                        rows.set(p.rowsRead());
                    }
                }, cancel));
        long afterCancelMs = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
        assertTrue(rowsAtCancel.get() > 0 && rowsAtCancel.get() <= BigTable.ROWS / 2,
                "cancelled while the middle row was held back, at " + rowsAtCancel.get() + " rows");
        assertTrue(afterCancelMs < 3_000, "the export ended " + afterCancelMs + " ms after Cancel");
        assertUntouched(out);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assertUntouched(Path target) throws Exception {
        assertEquals(new String(OLD_CONTENT), Files.readString(target));
        assertNoTempFiles();
    }

    private void assertNoTempFiles() throws Exception {
        Targets.assertNoTempFiles(dir);
    }
}
