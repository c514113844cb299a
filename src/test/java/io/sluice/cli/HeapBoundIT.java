package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap is bounded by the row group (buffered until it is flushed) and the batch, not by the table:
 * 320 MB of 4 MB blobs export through a CLI process whose heap is 256 MB.
 * (parquet-java measured pages only every 100 rows, so 100 blobs once sat in one page on the heap.)
 */
@ExtendWith(MariaDbExtension.class)
class HeapBoundIT {
    @TempDir
    Path dir;

    @Test
    void blobsLargerThanTheHeapExportThroughIt(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_heap",
                "CREATE TABLE IF NOT EXISTS sluice_heap.blobs (id INT PRIMARY KEY, b LONGBLOB)",
                "TRUNCATE sluice_heap.blobs",
                "INSERT INTO sluice_heap.blobs SELECT seq, REPEAT(UNHEX(SHA2(seq, 512)), 65536) FROM sluice_heap.seq_1_to_80");
        Path out = dir.resolve("blobs.parquet");
        Process p = Cli.start("256m", dir.resolve("home"), dir.resolve("out.txt"), dir.resolve("err.txt"), "export",
                "--dsn", "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_heap",
                "--ssl-mode", "disabled", "--table", "blobs", "--out", out.toString(), "--compression", "none",
                "--no-progress");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the export did not finish");
        assertEquals(0, p.exitValue(), () -> read(dir.resolve("err.txt")));
        assertTrue(Files.size(out) > 320L * 1024 * 1024, "the blobs are in the file, uncompressed");
        try (Connection c = db.connect()) {
            ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_heap", "blobs", "id", out);
            assertTrue(report.mismatches().isEmpty(), () -> String.join("\n", report.mismatches()));
            assertEquals(80, report.rows());
        }
        db.exec("DROP DATABASE sluice_heap");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
