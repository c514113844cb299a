package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.BigTable;
import io.sluice.testing.Cli;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.QueryReadBack;
import io.sluice.testing.SharedResources;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Big tables: bounded parts, parallel key ranges, chunks for an orchestrator, resume after a crash. */
@ExtendWith(MariaDbExtension.class)
@ResourceLock(value = SharedResources.BIG_TABLE, mode = ResourceAccessMode.READ)
class BigTablesIT {
    private static final List<String> CORPUS = List.of("bins", "geo", "ints", "misc", "nums", "temporal", "texts");

    @TempDir
    Path dir;

    private static String dsn(TestDb db, String database) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/" + database;
    }

    private static List<Path> parts(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /** count, distinct ids, and exact sums over every part, by DuckDB; the same from the server. */
    private static void assertSameAggregates(TestDb db, Path folder) throws Exception {
        assertSameAggregatesIn(db, folder + "/part-*.parquet");
    }

    /** As {@link #assertSameAggregates}, over the files {@code glob} names. */
    private static void assertSameAggregatesIn(TestDb db, String glob) throws Exception {
        List<List<String>> file = QueryReadBack.duckDb("SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), SUM(n), CAST(SUM(d) AS VARCHAR),"
                + " MIN(ts)::VARCHAR, MAX(ts)::VARCHAR, SUM(length(txt)) FROM read_parquet('" + glob + "')");
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), SUM(n), CAST(SUM(d) AS CHAR), MIN(ts), MAX(ts), SUM(CHAR_LENGTH(txt))"
                        + " FROM " + BigTable.DB + "." + BigTable.TABLE)) {
            rs.next();
            List<String> server = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                server.add(rs.getString(i));
            }
            List<String> got = new ArrayList<>(file.get(0));
            // DuckDB prints timestamps without trailing zero fractions; compare the instants
            for (int i = 5; i <= 6; i++) {
                got.set(i, java.time.LocalDateTime.parse(got.get(i).replace(' ', 'T')).toString());
                server.set(i, java.time.LocalDateTime.parse(server.get(i).replace(' ', 'T')).toString());
            }
            assertEquals(server, got, "count, distinct ids, sums and bounds over all parts");
        }
    }

    @Test
    void partsOfBoundedRowsAndSizeWithAManifest(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path byRows = dir.resolve("by-rows");
        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--max-rows-per-file", "40000", "--out", byRows.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<Long> rows = new ArrayList<>();
        for (Path p : parts(byRows)) {
            rows.add(ParquetFiles.footer(p).getBlocks().stream().mapToLong(b -> b.getRowCount()).sum());
        }
        assertEquals(List.of(40000L, 40000L, 40000L, 30000L), rows, r.out());
        assertSameAggregates(db, byRows);
        String manifest = Files.readString(byRows.resolve("_sluice_manifest.json"));
        assertTrue(manifest.contains("\"source\" : \"sluice_big.wide\"") && manifest.contains("\"sha256\""), manifest);
        Leaks.assertNotIn("the manifest", manifest);
        assertFalse(manifest.contains(db.host() + ":" + db.port()), "no DSN in the manifest");

        Path bySize = dir.resolve("by-size");
        Cli.Run s = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--max-file-size", "20MB", "--compression", "none", "--out", bySize.toString(), "--no-progress");
        assertEquals(0, s.code(), s.err());
        List<Path> sized = parts(bySize);
        assertTrue(sized.size() >= 6, "150 MB of text in parts of about 20 MB: " + sized.size());
        for (Path p : sized) {
            assertTrue(Files.size(p) <= (20L << 20) + (9L << 20), p + " is " + Files.size(p) + " bytes: at most 20 MB plus a batch");
        }
        assertSameAggregates(db, bySize);
    }

    @Test
    void parallelRangesOnTheCorpusReadBackValueByValue(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            for (String t : CORPUS) {
                Path folder = dir.resolve(t);
                Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", t,
                        "--parallel", "3", "--max-rows-per-file", "2", "--out", folder.toString(), "--no-progress");
                assertEquals(0, r.code(), t + ": " + r.err());
                ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", t, "id", parts(folder));
                assertTrue(report.mismatches().isEmpty(), () -> t + ": " + String.join("\n", report.mismatches()));
            }
        }
    }

    /** --parallel with --out FILE.parquet: the ranges joined into that one file, in key order, value for value. */
    @Test
    void parallelRangesIntoOneFileOnTheCorpusReadBackValueByValue(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            for (String t : CORPUS) {
                Path file = dir.resolve(t + ".parquet");
                Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", t,
                        "--parallel", "3", "--out", file.toString(), "--no-progress");
                assertEquals(0, r.code(), t + ": " + r.err());
                assertTrue(Files.isRegularFile(file), t + ": " + r.out());
                // the verifier reads the file in its order and the server's rows ORDER BY id: the ranges in key order
                ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", t, "id", file);
                assertTrue(report.mismatches().isEmpty(), () -> t + ": " + String.join("\n", report.mismatches()));
                // the footer (Arrow schema, source, the SRIDs every range met) and what is said of values written as
                // NULL, as one connection's export of the table has them
                Path single = dir.resolve(t + "-single.parquet");
                Cli.Run one = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", t,
                        "--out", single.toString(), "--no-progress");
                assertEquals(0, one.code(), t + ": " + one.err());
                assertEquals(ParquetFiles.keyValues(single), ParquetFiles.keyValues(file), t + ": the footer");
                assertEquals(one.out().lines().skip(1).toList(), r.out().lines().skip(1).toList(), t + ": " + r.out());
                assertTrue(r.out().lines().findFirst().orElse("").contains(" over 3 connections"), t + ": " + r.out());
            }
        }
        Targets.assertNoTempFiles(dir);
    }

    /**
     * The big table over 4 connections into one file: the same aggregates as the server's, a row group
     * per range at least, and every column chunk keeps its column and offset index (parquet-java's own
     * appendFile drops them). The JSON is a one-file export's.
     */
    @Test
    void fourRangesJoinedIntoOneFileKeepTheirIndexes(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path file = dir.resolve("wide.parquet");
        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--parallel", "4", "--out", file.toString(), "--progress", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"target\":\"" + file + "\"") && r.out().contains("\"columns\":[")
                && r.out().contains("\"connections\":4,"), r.out());
        // the progress line goes on while the ranges are joined: from 0% to 100% of the parts' bytes
        List<String> lines = java.util.Arrays.stream(r.err().split("\r")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> joining = lines.stream().filter(l -> l.startsWith("joining the ranges into one file  ·  ")).toList();
        String last = lines.get(lines.size() - 1);
        String total = joining.get(0).substring(joining.get(0).lastIndexOf(" of ") + 4);
        assertTrue(joining.size() >= 2 && joining.get(0).equals("joining the ranges into one file  ·  0%  ·  0 B of " + total)
                && last.equals("joining the ranges into one file  ·  100%  ·  " + total + " of " + total), r.err());
        assertEquals(joining, lines.subList(lines.indexOf(joining.get(0)), lines.size()), "the rows are read before the join");
        // the rows' lines say how far, from the table's row estimate, as one connection's do
        List<String> rows = lines.subList(0, lines.indexOf(joining.get(0)));
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(l -> l.matches("\\d+%  ·  [\\d,]+ rows  ·  .*")), r.err());
        assertSameAggregatesIn(db, file.toString());
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.conf.Configuration()))) {
            assertTrue(reader.getRowGroups().size() >= 4, "row groups: " + reader.getRowGroups().size());
            for (var rowGroup : reader.getRowGroups()) {
                for (var chunk : rowGroup.getColumns()) {
                    var offsets = reader.readOffsetIndex(chunk);
                    assertTrue(offsets != null && reader.readColumnIndex(chunk) != null, chunk.getPath() + ": indexes kept");
                    assertEquals(chunk.getFirstDataPageOffset(), offsets.getOffset(0), chunk.getPath() + ": offsets moved with the chunk");
                }
            }
        }
        Targets.assertNoTempFiles(dir);
    }

    /** A failing range leaves the file that was there as it was, and neither the parts' folder nor a temp file. */
    @Test
    void aFailingParallelExportIntoOneFileLeavesTheTargetAsItWas(TestDb db) throws Exception {
        Path file = dir.resolve("kept.parquet");
        Files.writeString(file, "the earlier export");
        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints",
                "--parallel", "2", "--where", "no_such_column = 1", "--out", file.toString(), "--no-progress");
        assertEquals(1, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), "one sentence: " + r.err());
        assertEquals("the earlier export", Files.readString(file));
        Targets.assertNoTempFiles(dir);
        Cli.Run query = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--query",
                "SELECT * FROM ints", "--parallel", "2", "--out", file.toString(), "--no-progress");
        assertEquals(2, query.code(), "a usage error, as --parallel 0 is: " + query.out());
        assertTrue(query.err().contains("--parallel takes a table; export a query without it."), query.err());
        assertEquals("the earlier export", Files.readString(file));
        // 'x.parquet/' names a folder: the parts go into it, not one file named x.parquet
        Path slash = dir.resolve("slash.parquet");
        Cli.Run folderNamed = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table",
                "ints", "--parallel", "2", "--out", slash + "/", "--no-progress");
        assertEquals(0, folderNamed.code(), folderNamed.err());
        assertTrue(Files.isDirectory(slash), folderNamed.out());
        assertFalse(parts(slash).isEmpty(), folderNamed.out());
        // a folder of parts that cannot be made: one sentence naming it (a new user's trial got 'something unexpected')
        Cli.Run folder = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", "ints",
                "--parallel", "2", "--max-rows-per-file", "2", "--out", "/proc/no-such-folder", "--no-progress");
        assertEquals(1, folder.code(), folder.out());
        assertEquals("The folder /proc/no-such-folder cannot be created; choose a folder you can write to.", folder.err().strip());
    }

    @Test
    void aSkewedKeyStillGivesEvenRanges(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_skew", "DROP TABLE IF EXISTS sluice_skew.t",
                "CREATE TABLE sluice_skew.t (k BIGINT PRIMARY KEY, v INT)",
                // 90 % of the rows in the first 1 % of the key range
                "INSERT INTO sluice_skew.t SELECT seq, seq FROM sluice_big.seq_1_to_9000",
                "INSERT INTO sluice_skew.t SELECT 1000000 + seq * 100, seq FROM sluice_big.seq_1_to_1000");
        Path folder = dir.resolve("skew");
        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, "sluice_skew"), "--ssl-mode", "disabled", "--table", "t",
                "--parallel", "4", "--out", folder.toString(), "--no-progress", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"ranges\":4,\"key\":\"k\""), r.out());
        List<Path> parts = parts(folder);
        assertEquals(4, parts.size());
        for (Path p : parts) {
            long rows = ParquetFiles.footer(p).getBlocks().stream().mapToLong(b -> b.getRowCount()).sum();
            assertTrue(rows >= 2000 && rows <= 3000, p.getFileName() + " holds " + rows + " of 10,000 rows");
        }
    }

    @Test
    void aTableWithoutAKeyRunsAsOneStreamAndSaysWhy(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_nokey", "DROP TABLE IF EXISTS sluice_nokey.t",
                "CREATE TABLE sluice_nokey.t (a INT, b VARCHAR(10))", "INSERT INTO sluice_nokey.t VALUES (1, 'x'), (1, 'x'), (2, NULL)");
        Path folder = dir.resolve("nokey");
        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, "sluice_nokey"), "--ssl-mode", "disabled", "--table", "t",
                "--parallel", "4", "--out", folder.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The table has no one-column primary key or unique NOT NULL column of integers, decimals or dates to cut"
                + " it by, so it was read as one stream."), r.out());
        assertEquals(1, parts(folder).size());
        Cli.Run chunk = Cli.withPassword("export", "--dsn", dsn(db, "sluice_nokey"), "--ssl-mode", "disabled", "--table", "t",
                "--chunk", "1/2", "--out", dir.resolve("nokey-chunks").toString(), "--no-progress");
        assertEquals(1, chunk.code());
        assertTrue(chunk.err().contains("so it cannot be cut into chunks"), chunk.err());
    }

    @Test
    void chunksAsSeparateProcessesMakeTheWholeTableWithoutOverlapOrGap(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path folder = dir.resolve("chunks");
        List<Process> running = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            running.add(Cli.start(dir.resolve("home"), dir.resolve("chunk" + i + ".out"), dir.resolve("chunk" + i + ".err"), "export",
                    "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE, "--chunk", i + "/3",
                    "--max-rows-per-file", "30000", "--out", folder.toString(), "--no-progress"));
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(running.get(i).waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, running.get(i).exitValue(), Files.readString(dir.resolve("chunk" + (i + 1) + ".err")));
        }
        assertSameAggregates(db, folder);
        String manifest = Files.readString(folder.resolve("_sluice_manifest.json"));
        assertTrue(manifest.contains("\"completeRanges\" : [ 0, 1, 2 ]"), manifest);
    }

    @Test
    void killedMidwayThenResumedGivesEveryRowOnce(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path folder = dir.resolve("resume");
        Process p = Cli.start(dir.resolve("home"), dir.resolve("kill.out"), dir.resolve("kill.err"), "export", "--dsn",
                dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE, "--max-rows-per-file", "20000",
                "--where", BigTable.PAUSE_MIDWAY, "--out", folder.toString(), "--no-progress");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && parts(folder).size() < 3) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the export ended before the kill");
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        int before = parts(folder).size();
        assertTrue(before >= 3 && before < 8, before + " parts before the kill");

        Cli.Run refused = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--max-rows-per-file", "20000", "--where", BigTable.PAUSE_MIDWAY, "--out", folder.toString(), "--no-progress");
        assertEquals(1, refused.code());
        assertEquals("The folder " + folder.toAbsolutePath() + " holds parts of an earlier export of sluice_big.wide; add --resume"
                + " to continue it, or choose an empty folder.", refused.err().strip());
        assertEquals(before, parts(folder).size(), "nothing touched");
        Cli.Run otherSize = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table",
                BigTable.TABLE, "--max-rows-per-file", "10000", "--where", BigTable.PAUSE_MIDWAY, "--out", folder.toString(), "--resume",
                "--no-progress");
        assertEquals(1, otherSize.code(), otherSize.err());
        assertEquals("The folder " + folder.toAbsolutePath() + " holds parts cut at 20,000 rows; give the same --max-rows-per-file and"
                + " --max-file-size to continue it, or choose an empty folder.", otherSize.err().strip());
        assertEquals(before, parts(folder).size(), "nothing touched");

        Cli.Run resumed = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table",
                BigTable.TABLE, "--max-rows-per-file", "20000", "--where", BigTable.PAUSE_MIDWAY, "--out", folder.toString(), "--resume",
                "--no-progress");
        assertEquals(0, resumed.code(), resumed.err());
        Cli.Run otherFilter = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table",
                BigTable.TABLE, "--max-rows-per-file", "20000", "--out", folder.toString(), "--resume", "--no-progress");
        assertEquals(1, otherFilter.code(), "a resume with another filter would mix two readings of the table");
        Cli.Run again = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--max-rows-per-file", "20000", "--where", BigTable.PAUSE_MIDWAY, "--out", folder.toString(), "--no-progress");
        assertEquals("The folder " + folder.toAbsolutePath() + " already holds a complete export of sluice_big.wide; choose an empty"
                + " folder to export it again.", again.err().strip());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("complete parts kept"), resumed.out());
        Cli.Run finished = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table",
                BigTable.TABLE, "--max-rows-per-file", "20000", "--where", BigTable.PAUSE_MIDWAY, "--out", folder.toString(), "--resume",
                "--no-progress");
        assertEquals(0, finished.code(), finished.err());
        assertTrue(finished.out().strip().matches("Nothing was left to export: the \\d+ parts in .* are complete, so none was read again\\."),
                finished.out());
        assertSameAggregates(db, folder);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().contains("sluice-tmp")).count(), "no temp file left");
        }
    }

    @Test
    void fourParallelRangesStayUnderA256MbHeap(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path folder = dir.resolve("heap");
        Process p = Cli.start("256m", dir.resolve("home"), dir.resolve("heap.out"), dir.resolve("heap.err"), "export", "--dsn",
                dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE, "--parallel", "4", "--compression", "none",
                "--out", folder.toString(), "--no-progress");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("heap.err")));
        assertSameAggregates(db, folder);
    }

    /** The window shows each range's rows: the engine reports them, and they add up to the table. */
    @Test
    void eachRangeReportsItsProgress(TestDb db) throws Exception {
        java.util.Map<Integer, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        try (io.sluice.core.service.SluiceService service = new io.sluice.core.service.SluiceService()) {
            io.sluice.core.split.SplitSummary s = service.exportSplit(db.spec(),
                    io.sluice.core.export.ExportRequest.builder("sluice_types", "temporal", dir.resolve("ranges")).build(),
                    new io.sluice.core.split.SplitOptions(0, 0, 3, 0, 0, false), new io.sluice.core.export.ExportListener() {
                        @Override
                        public void rangeProgress(int range, long rowsRead) {
                            last.merge(range, rowsRead, Math::max);
                        }
                    }, new io.sluice.core.export.CancelToken());
            assertEquals(3, s.ranges());
            assertEquals(s.rows(), last.values().stream().mapToLong(Long::longValue).sum(), last.toString());
        }
    }
}
