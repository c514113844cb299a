package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.export.CancelToken;
import io.sluice.core.export.ExportListener;
import io.sluice.core.export.ExportRequest;
import io.sluice.core.export.ExportSummary;
import io.sluice.core.service.SluiceService;
import io.sluice.testing.Cli;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.QueryReadBack;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Key ranges read at once share one snapshot of the table, or the export says why not. */
@ExtendWith(MariaDbExtension.class)
class ParallelSnapshotIT {
    private static final int ROWS = 40_000;

    @TempDir
    Path dir;

    @BeforeEach
    void accounts(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_psnap", "DROP TABLE IF EXISTS sluice_psnap.accounts",
                "CREATE TABLE sluice_psnap.accounts (id INT PRIMARY KEY, balance INT NOT NULL, memo VARCHAR(100)) ENGINE=InnoDB",
                "INSERT INTO sluice_psnap.accounts SELECT seq, 100, REPEAT('m', 90) FROM sluice_psnap.seq_1_to_" + ROWS);
    }

    private static List<String> countAndSum(Path file) throws Exception {
        return QueryReadBack.duckDb("SELECT COUNT(*), SUM(balance), COUNT(DISTINCT id) FROM read_parquet('" + file + "')").get(0);
    }

    /**
     * Changes committed while the ranges are being read are in none of them: the file is the table at the
     * start, and reading inside the snapshot's transactions streams every row. (The ranges' statements start
     * together, so this holds with separate snapshots too, most of the time; SharedSnapshotIT commits
     * between two readers' starts.)
     */
    @Test
    void changesCommittedDuringTheExportAreInNoRange(TestDb db) throws Exception {
        Path file = dir.resolve("accounts.parquet");
        AtomicBoolean changed = new AtomicBoolean();
        try (SluiceService service = new SluiceService()) {
            ExportSummary s = service.export(db.spec(), ExportRequest.builder("sluice_psnap", "accounts", file).batch(1000, 1 << 20)
                    .connections(3).build(), new ExportListener() {
                        @Override
                        public void rangeProgress(int range, long rowsRead) {
                            if (changed.compareAndSet(false, true)) { // as the first rows arrive
                                try {
                                    db.exec("UPDATE sluice_psnap.accounts SET balance = balance + 1",
                                            "DELETE FROM sluice_psnap.accounts WHERE id % 1000 = 0");
                                } catch (java.sql.SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        }
                    }, new CancelToken());
            assertTrue(changed.get());
            assertEquals(null, s.note(), "one snapshot, nothing to say");
            assertEquals(ROWS, s.rows());
        }
        assertEquals(List.of(String.valueOf(ROWS), String.valueOf(ROWS * 100L), String.valueOf(ROWS)), countAndSum(file));
        Targets.assertNoTempFiles(dir);
    }

    /** A user who may only SELECT still gets the whole table, and a sentence on what the ranges saw. */
    @Test
    void aUserWhoMayNotLockTablesIsToldTheRangesAreSeparateSnapshots(TestDb db) throws Exception {
        for (String host : List.of("localhost", "127.0.0.1")) {
            db.exec("CREATE USER IF NOT EXISTS 'psnap'@'" + host + "' IDENTIFIED BY 'ps-pass'",
                    "GRANT SELECT ON sluice_psnap.* TO 'psnap'@'" + host + "'");
        }
        Path file = dir.resolve("accounts.parquet");
        Cli.Run r = Cli.run("ps-pass\n", "export", "--dsn", "mysql://psnap@" + db.host() + ":" + db.port() + "/sluice_psnap",
                "--ssl-mode", "disabled", "--password-stdin", "--table", "accounts", "--parallel", "2", "--out", file.toString(),
                "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  Each range was read as its own snapshot: one shared snapshot needs LOCK TABLES on"
                + " sluice_psnap.accounts, which this user may not do."), r.out());
        assertFalse(r.out().contains("ps-pass") || r.err().contains("ps-pass"));
        assertEquals(List.of(String.valueOf(ROWS), String.valueOf(ROWS * 100L), String.valueOf(ROWS)), countAndSum(file));
        Targets.assertNoTempFiles(dir);
    }
}
