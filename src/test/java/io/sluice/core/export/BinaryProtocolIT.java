package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.error.CancelledException;
import io.sluice.core.schema.Source;
import io.sluice.core.service.SluiceService;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the binary protocol must not change (see StreamingQuery): values, and that a waiting export can be cancelled. */
@ExtendWith(MariaDbExtension.class)
class BinaryProtocolIT {
    private static final String DB = "sluice_binary";

    @TempDir
    Path dir;

    private static void ensureTable(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS " + DB,
                "CREATE TABLE IF NOT EXISTS " + DB + ".fixed (id INT PRIMARY KEY, a DOUBLE(10,2), b DOUBLE(10,2))",
                "INSERT IGNORE INTO " + DB + ".fixed VALUES (1, 0.1, 0.2)");
    }

    private static ExportSummary export(TestDb db, ExportRequest request, CancelToken cancel) {
        try (BufferAllocator allocator = new RootAllocator()) {
            return new SluiceService(allocator).export(db.spec(), request, ExportListener.NONE, cancel);
        }
    }

    /**
     * The server rounds a DOUBLE with fixed decimals to them in its text (0.1 + 0.2 as 0.30), not in its
     * binary form (0.30000000000000004); the export keeps what the text protocol, and every client, shows.
     */
    @Test
    void aDoubleWithFixedDecimalsIsTheServersRoundedValue(TestDb db) throws Exception {
        ensureTable(db);
        Path out = dir.resolve("sum.parquet");
        export(db, ExportRequest.builder(new Source.Query("SELECT id, a + b AS s FROM " + DB + ".fixed", DB), out).build(),
                new CancelToken());
        assertEquals(0.3, ParquetFiles.rows(out).get(0).getDouble("s", 0));
    }

    /**
     * An export waiting for a table another session has locked ends on Cancel. Whether the server makes
     * the prepare or the query wait depends on the server (MariaDB 11.4 here: the query); the cancel
     * hook is in place before either.
     */
    @Test
    void cancelEndsAnExportWaitingForALockedTable(TestDb db) throws Exception {
        ensureTable(db);
        Path out = dir.resolve("locked.parquet");
        try (Connection locker = db.connect(); Statement st = locker.createStatement()) {
            st.execute("LOCK TABLES " + DB + ".fixed WRITE");
            CancelToken cancel = new CancelToken();
            CompletableFuture<ExportSummary> running = CompletableFuture.supplyAsync(
                    () -> export(db, ExportRequest.builder(DB, "fixed", out).build(), cancel));
            Thread.sleep(1_500);
            assertTrue(!running.isDone(), "the export waits for the lock");
            long cancelled = System.nanoTime();
            cancel.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CancelledException, () -> "not a cancel: " + e.getCause());
            assertTrue((System.nanoTime() - cancelled) / 1_000_000 < 2_000, "ended within 2 s of Cancel");
            st.execute("UNLOCK TABLES");
        }
        assertTrue(Files.notExists(out));
    }
}
