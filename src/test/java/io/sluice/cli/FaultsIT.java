package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.testing.BigTable;
import io.sluice.testing.Cli;
import io.sluice.testing.JarImage;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.ParquetVerifier;
import io.sluice.testing.ServerQueries;
import io.sluice.testing.SharedResources;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The fault suite, through the CLI. Each scenario checks three things: one plain sentence, the
 * target either complete or untouched with no temp file beside it, and the password nowhere (output,
 * the run's log and settings, the files written).
 */
@ExtendWith(MariaDbExtension.class)
@ResourceLock(value = SharedResources.BIG_TABLE, mode = ResourceAccessMode.READ_WRITE)
class FaultsIT {
    private static final byte[] OLD = "an older file the user cares about".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static String dsn(TestDb db, String database) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/" + database;
    }

    /** A file that must survive a failed export byte for byte. */
    private Path keep(String name) throws IOException {
        return Files.write(dir.resolve(name), OLD);
    }

    /** The three things, for an export that failed. */
    private void assertFailedCleanly(Cli.Run r, Path target, String expectedSentence) throws IOException {
        assertEquals(1, r.code(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.out());
        Leaks.assertPlainSentence(r.err());
        if (expectedSentence != null) {
            assertEquals(expectedSentence, r.err().strip());
        }
        assertTrue(Files.exists(target), "the target was deleted"); // every failing case starts from the user's old file
        assertArrayEquals(OLD, Files.readAllBytes(target), "the target was changed");
        Targets.assertNoTempFiles(target.getParent());
        Leaks.assertNotIn("the output", r.out() + r.err());
        Leaks.assertNowhere(dir);
    }

    private Cli.Run export(String dsn, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--dsn", dsn, "--ssl-mode", "disabled", "--out", out.toString(),
                "--no-progress"));
        args.addAll(List.of(more));
        return Cli.withPassword(args.toArray(String[]::new));
    }

    // --- connecting ---

    @Test
    void wrongPassword(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = Cli.run("wrong-" + TestDb.PASSWORD + "\n", "export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode",
                "disabled", "--password-stdin", "--table", "ints", "--out", out.toString());
        assertFailedCleanly(r, out, "The server at " + db.host() + ":" + db.port() + " refused the user name or password.");
    }

    @Test
    void unknownHost() throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export("mysql://sluice@no-such-host.invalid:3306/x", out, "--table", "t");
        assertFailedCleanly(r, out, "The host 'no-such-host.invalid' is unknown; check the DSN.");
    }

    @Test
    void refusedPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        Path out = keep("a.parquet");
        Cli.Run r = export("mysql://sluice@127.0.0.1:" + port + "/x", out, "--table", "t");
        assertFailedCleanly(r, out, "Nothing answered at 127.0.0.1:" + port
                + " (connection refused); is the server running on that port?");
    }

    /** A server that accepts the TCP connection and then says nothing: the wait is bounded by --connect-timeout. */
    @Test
    void aHostThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            CompletableFuture<Void> acceptor = CompletableFuture.runAsync(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Path out = keep("a.parquet");
            Cli.Run r = export("mysql://sluice@127.0.0.1:" + silent.getLocalPort() + "/x", out, "--table", "t",
                    "--connect-timeout", "2");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(r.nanos()); // not the wait for another class's run
            assertFailedCleanly(r, out, "The server at 127.0.0.1:" + silent.getLocalPort() + " did not answer in time.");
            assertTrue(seconds < 10, "took " + seconds + " s with a 2 s timeout");
            silent.close();
            acceptor.join();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void tlsRequiredAgainstAServerWithoutTls(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "required", "--table", "ints",
                "--out", out.toString());
        assertFailedCleanly(r, out, "The server at " + db.host() + ":" + db.port()
                + " does not offer TLS, but the TLS mode requires it.");
    }

    // --- what to read ---

    @Test
    void noSuchDatabase(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "no_such_db"), out, "--table", "t");
        assertFailedCleanly(r, out, "The database no_such_db does not exist (or you may not see it).");
    }

    @Test
    void noSuchTable(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "sluice_types"), out, "--table", "no_such_table");
        assertFailedCleanly(r, out, "The table sluice_types.no_such_table does not exist (or you may not see it).");
    }

    /** A view whose column is gone lists no columns: the server's reason, not "choose at least one column". */
    @Test
    void aBrokenViewSaysWhyItCannotBeRead(TestDb db) throws Exception {
        db.exec("CREATE DATABASE IF NOT EXISTS sluice_broken_view", "CREATE OR REPLACE TABLE sluice_broken_view.base (a INT, b INT)",
                "CREATE OR REPLACE VIEW sluice_broken_view.v AS SELECT a, b FROM sluice_broken_view.base",
                "ALTER TABLE sluice_broken_view.base DROP COLUMN b");
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "sluice_broken_view"), out, "--table", "v");
        assertFailedCleanly(r, out, "The view sluice_broken_view.v refers to tables, columns or functions that no longer exist,"
                + " or that its definer may not use; the server cannot read it.");
        Cli.Run probe = Cli.withPassword("probe", "--dsn", dsn(db, "sluice_broken_view"), "--ssl-mode", "disabled", "--table", "v");
        assertEquals(1, probe.code(), "probe fails too, instead of an empty table: " + probe.out());
    }

    @Test
    void aQueryWithoutADatabaseSaysWhereToNameOne(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, ""), out, "--query", "SELECT * FROM ints");
        assertFailedCleanly(r, out, "No database is selected: name one in the DSN (mysql://host:3306/db) or write the tables as db.table.");
        Cli.Run missing = export(dsn(db, "sluice_types"), out, "--query", "SELECT * FROM ints JOIN no_such_table USING (id)");
        assertFailedCleanly(missing, out, "The table sluice_types.no_such_table does not exist (it may have been dropped or renamed).");
    }

    @Test
    void aTargetNamedAsAnotherFormatIsRefusedBeforeAnythingIsRead() throws Exception {
        Path out = keep("report.csv"); // the user's own CSV stays as it was
        // a port nothing listens on: the name is refused before any connection is tried
        Cli.Run r = export("mysql://nobody@127.0.0.1:1/sluice_types", out, "--table", "ints");
        assertFailedCleanly(r, out, "Sluice writes Parquet, not CSV: name the file report.parquet rather than report.csv.");
    }

    @Test
    void aTargetInsideAFileIsOneSentence(TestDb db) throws Exception {
        Path file = keep("a.parquet");
        Path out = file.resolve("b.parquet");
        Cli.Run r = export(dsn(db, "sluice_types"), out, "--table", "ints");
        assertEquals(1, r.code(), r.err());
        assertEquals(file + " is a file, not a folder; name a file in a folder.", r.err().strip());
        assertArrayEquals(OLD, Files.readAllBytes(file), "the file was changed");
        Targets.assertNoTempFiles(file.getParent());
    }

    @Test
    void aQueryWithTwoColumnsOfOneNameSaysHowToNameThem(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "sluice_types"), out, "--query", "SELECT id, id FROM ints");
        assertFailedCleanly(r, out, "The query gives two columns the same name 'id'; name them apart with AS.");
    }

    @Test
    void aFilterWithASyntaxError(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "sluice_types"), out, "--table", "ints", "--where", "id = = 1");
        assertFailedCleanly(r, out, "The filter is not valid SQL near '= 1'.");
    }

    @Test
    void aFilterThatMatchesNothingGivesAValidEmptyFile(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "sluice_types"), out, "--table", "nums", "--where", "1 = 0");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, ParquetFiles.rows(out).size());
        List<String> columns = ParquetFiles.footer(out).getFileMetaData().getSchema().getFields().stream()
                .map(f -> f.getName()).toList();
        assertEquals(columnsOf(db, "sluice_types", "nums"), columns);
        Targets.assertNoTempFiles(dir);
        Leaks.assertNowhere(dir);
    }

    @Test
    void aSecondStatementInTheFilterNeverRuns(TestDb db) throws Exception {
        Path out = keep("a.parquet");
        Cli.Run r = export(dsn(db, "sluice_types"), out, "--table", "misc", "--where", "1=1; DROP TABLE sluice_types.misc");
        assertFailedCleanly(r, out, null);
        assertFalse(columnsOf(db, "sluice_types", "misc").isEmpty(), "the table is still there");
    }

    @Test
    void identifiersThatAttackQuotingExportExactly(TestDb db) throws Exception {
        String database = "odd db `name` ü";
        String table = "select 'x' \"y\" `z` ünï ✓ 表;";
        Path out = dir.resolve("odd.parquet");
        Cli.Run r = Cli.withPassword("export", "--dsn", "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port(),
                "--ssl-mode", "disabled", "--database", database, "--table", table, "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertEquals(columnsOf(db, database, table), ParquetFiles.footer(out).getFileMetaData().getSchema().getFields()
                .stream().map(f -> f.getName()).toList());
        Leaks.assertNowhere(dir);
    }

    // --- while writing ---

    /** The server side of the export is killed from a second session while rows stream. */
    @Test
    void theConnectionKilledMidExport(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = keep("big.parquet");
        // the server pauses at the middle row, so the export is surely still running when it is killed
        Set<Long> before = ServerQueries.selecting(db, BigTable.TABLE); // a cancelled test's query may linger
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> export(dsn(db, BigTable.DB), out,
                "--table", BigTable.TABLE, "--compression", "none", "--where", BigTable.PAUSE_MIDWAY));
        long id = ServerQueries.awaitNew(db, BigTable.TABLE, before, run::isDone);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("KILL CONNECTION " + id);
        }
        assertFailedCleanly(run.get(60, TimeUnit.SECONDS), out,
                "The connection to " + db.host() + ":" + db.port() + " was lost during the export.");
    }

    @Test
    void aDiskThatFillsUpMidExport(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
                "mounting a small tmpfs needs root with CAP_SYS_ADMIN");
        try {
            Path out = Files.write(mount.resolve("big.parquet"), OLD);
            Cli.Run r = export(dsn(db, BigTable.DB), out, "--table", BigTable.TABLE, "--compression", "none");
            assertFailedCleanly(r, out,
                    "The disk is full; free some space or choose another folder. The target file was left as it was.");
        } finally {
            mount("-u", mount.toString());
        }
    }

    @Test
    void aReadOnlyTargetFolder(TestDb db) throws Exception {
        Path mount = Files.createDirectories(dir.resolve("read-only"));
        Files.write(mount.resolve("ints.parquet"), OLD);
        boolean mounted = mount("--bind", "-o", "ro", mount.toString(), mount.toString());
        if (!mounted) {
            assumeFalse(isRoot(), "root ignores folder permissions, and mounting read-only failed");
            mount.toFile().setWritable(false);
        }
        try {
            Path out = mount.resolve("ints.parquet");
            Cli.Run r = export(dsn(db, "sluice_types"), out, "--table", "ints");
            assertFailedCleanly(r, out, null);
            assertTrue(r.err().contains("read-only") || r.err().contains("may not write"), r.err());
        } finally {
            if (mounted) {
                mount("-u", mount.toString());
            } else {
                mount.toFile().setWritable(true);
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void assumeFalse(boolean condition, String why) {
        assumeTrue(!condition, why);
    }

    /** mount(8), or umount(8) with "-u"; false when this machine does not allow it. */
    private static boolean mount(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (args[0].equals("-u")) {
            cmd.add("umount");
            cmd.add(args[1]);
        } else {
            cmd.add("mount");
            cmd.addAll(List.of(args));
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException noMountCommand) {
            return false;
        }
    }

    /** Ctrl-C on a running CLI export: exit 130, the target untouched, no temp file. */
    @Test
    void ctrlCOnTheCli(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = keep("big.parquet");
        Path home = dir.resolve("home");
        assertCtrlCEndsCleanly(Cli.start(home, dir.resolve("out.txt"), dir.resolve("err.txt"), pausedExport(db, out)), out, home);
    }

    /**
     * Ctrl-C while the second of two tables is written: the table already written is listed and kept,
     * the one stopped is listed as cancelled and left as it was (a new user saw only the sentence: the
     * JVM's shutdown ended the command before it printed its list).
     */
    @Test
    void ctrlCOnSeveralTablesListsTheOnesWritten(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path folder = dir.resolve("tables");
        Path home = dir.resolve("home");
        Path written = folder.resolve("sluice_types").resolve("ints.parquet");
        Process p = Cli.start(home, dir.resolve("out.txt"), dir.resolve("err.txt"), "export", "--dsn", dsn(db, "sluice_types"),
                "--ssl-mode", "disabled", "--table", "sluice_types.ints", "--table", BigTable.DB + "." + BigTable.TABLE,
                "--where", BigTable.PAUSE_MIDWAY, "--compression", "none", "--out-dir", folder.toString(), "--no-progress");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(written)) {
            Thread.sleep(20);
        }
        Thread.sleep(2_000); // the big table is on its way to the middle row, which the server holds back 5 s
        assertTrue(p.isAlive(), () -> "the export ended before Ctrl-C: " + read(dir.resolve("err.txt")));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "still running 20 s after Ctrl-C");
        String out = read(dir.resolve("out.txt"));
        String err = read(dir.resolve("err.txt"));
        assertEquals(130, p.exitValue(), err);
        Leaks.assertPlainSentence(err);
        assertTrue(out.contains("sluice_types.ints"), out);
        assertTrue(out.contains(BigTable.DB + "." + BigTable.TABLE) && out.contains("cancelled"), out);
        assertTrue(out.contains("Wrote 1 of 2 tables."), out);
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sluice_types.ints")) {
            rs.next();
            assertEquals(rs.getInt(1), ParquetFiles.rows(written).size(), "the table written before Ctrl-C is whole");
        }
        assertFalse(Files.exists(folder.resolve(BigTable.DB).resolve(BigTable.TABLE + ".parquet")));
        Targets.assertNoTempFiles(folder.resolve(BigTable.DB));
    }

    /**
     * The same through {@code java -jar}, where the export runs on a second JVM (io.sluice.TunedJvm):
     * Ctrl-C reaching only the first still cancels the export, and it exits 130.
     */
    @Test
    void ctrlCOnJavaJar(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = keep("big.parquet");
        Path home = dir.resolve("home");
        assertCtrlCEndsCleanly(Cli.startJar(JarImage.jar(), List.of("-Xmx256m"), home, dir.resolve("out.txt"),
                dir.resolve("err.txt"), pausedExport(db, out)), out, home);
        assertEquals(List.of(), exportsRunning(out), "an export left running");
    }

    /**
     * SIGKILL on the JVM of {@code java -jar}, which cannot pass it on: the second JVM notices and ends
     * as on Ctrl-C (target untouched, no temp file) instead of exporting on for no one.
     */
    @Test
    void killMinus9OnJavaJarEndsTheExportToo(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = keep("big.parquet");
        Path home = dir.resolve("home");
        Process p = Cli.startJar(JarImage.jar(), List.of("-Xmx256m"), home, dir.resolve("out.txt"), dir.resolve("err.txt"),
                pausedExport(db, out));
        killMidway(p);
        // 10 s: the second JVM learns of the first one's end through ProcessHandle.onExit, then cancels the
        // export; with test classes two at a time on 2 cores that took over 3 s now and then. A JVM
        // that exported on instead would have replaced the target by then (the server's pause is 5 s),
        // which the next assertion sees.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end && !exportsRunning(out).isEmpty()) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), exportsRunning(out), "the second JVM ended within 10 s of the first");
        assertArrayEquals(OLD, Files.readAllBytes(out));
        Targets.assertNoTempFiles(dir);
    }

    /**
     * SIGKILL on the exporting JVM itself (the out-of-memory killer, a power cut): it cannot delete its
     * temp file, which can be as large as the table. The next export to the same target removes it; one
     * while the first still runs leaves the first's alone (its writer's lock is held).
     */
    @Test
    void whatAKilledExportLeftGoesAtTheNextExportToTheSameTarget(TestDb db) throws Exception {
        BigTable.ensure(db);
        Path out = keep("killed.parquet");
        Process p = Cli.start(dir.resolve("home"), dir.resolve("out.txt"), dir.resolve("err.txt"), pausedExport(db, out));
        waitForTempFile(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && tempFiles().size() < 2) { // the lock file comes first, then the temp file
            Thread.sleep(10);
        }
        List<Path> first = tempFiles();
        assertEquals(2, first.size(), "a temp file and its writer's lock: " + first);
        Cli.Run meanwhile = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table",
                BigTable.TABLE, "--out", out.toString(), "--limit", "3", "--no-progress");
        assertEquals(0, meanwhile.code(), meanwhile.err());
        assertEquals(first, tempFiles(), "a running export's files stay");
        killMidway(p);
        assertEquals(first, tempFiles(), "a killed JVM cannot clean up");

        Cli.Run r = Cli.withPassword("export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--out", out.toString(), "--limit", "3", "--no-progress");
        assertEquals(0, r.code(), r.err());
        Targets.assertNoTempFiles(dir);
        assertTrue(r.out().startsWith("Wrote 3 rows to " + out), r.out());
    }

    private void waitForTempFile(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && !tempFileExists()) {
            Thread.sleep(20);
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(".sluice-tmp-")).sorted().toList();
        }
    }

    /** SIGKILL once the export has its temp file and waits for the row the server holds back. */
    private void killMidway(Process p) throws Exception {
        waitForTempFile(p);
        Thread.sleep(1_000); // the server holds the middle row back 5 s
        assertTrue(p.isAlive(), () -> "the export ended before the kill: " + read(dir.resolve("err.txt")));
        p.destroyForcibly();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    }

    private static List<ProcessHandle> exportsRunning(Path out) {
        return ProcessHandle.allProcesses().filter(h -> h.info().arguments()
                .map(a -> List.of(a).contains(out.toString())).orElse(false)).toList();
    }

    private static String[] pausedExport(TestDb db, Path out) {
        return new String[] {"export", "--dsn", dsn(db, BigTable.DB), "--ssl-mode", "disabled", "--table", BigTable.TABLE,
                "--out", out.toString(), "--compression", "none", "--where", BigTable.PAUSE_MIDWAY, "--no-progress"};
    }

    private void assertCtrlCEndsCleanly(Process p, Path out, Path home) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && !tempFileExists()) {
            Thread.sleep(20);
        }
        Thread.sleep(2_000); // by then the reader waits for the middle row, which the server holds back 5 s
        assertTrue(p.isAlive(), () -> "the export ended before Ctrl-C: " + read(dir.resolve("err.txt")));
        long interrupted = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "still running 20 s after Ctrl-C");
        long afterMs = (System.nanoTime() - interrupted) / 1_000_000;
        assertTrue(afterMs < 2_500, "the CLI ended " + afterMs + " ms after Ctrl-C, while the server held a row back");
        Cli.Run r = new Cli.Run(p.exitValue(), read(dir.resolve("out.txt")), read(dir.resolve("err.txt")));
        assertEquals(130, r.code(), r.err());
        Leaks.assertPlainSentence(r.err());
        assertArrayEquals(OLD, Files.readAllBytes(out));
        Targets.assertNoTempFiles(dir);
        Leaks.assertNotIn("the output", r.out() + r.err());
        Leaks.assertNotInFiles(home);
    }

    private boolean tempFileExists() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().contains(".sluice-tmp-"));
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    // --- load ---

    /** Four CLI processes at once against the same server, each a different table: every file exact. */
    @Test
    void fourExportsAtOnce(TestDb db) throws Exception {
        List<String> tables = List.of("ints", "nums", "temporal", "texts");
        List<Process> processes = new ArrayList<>();
        for (String t : tables) {
            processes.add(Cli.start(dir.resolve("home-" + t), dir.resolve(t + ".out"), dir.resolve(t + ".err"), "export",
                    "--dsn", dsn(db, "sluice_types"), "--ssl-mode", "disabled", "--table", t,
                    "--out", dir.resolve(t + ".parquet").toString(), "--no-progress"));
        }
        for (int i = 0; i < tables.size(); i++) {
            String t = tables.get(i);
            Process p = processes.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), t + " did not finish");
            assertEquals(0, p.exitValue(), () -> t + ": " + read(dir.resolve(t + ".err")));
            try (Connection c = db.connect()) {
                ParquetVerifier.Report report = ParquetVerifier.verify(c, "sluice_types", t, "id", dir.resolve(t + ".parquet"));
                assertTrue(report.mismatches().isEmpty(), () -> t + ": " + String.join("\n", report.mismatches()));
            }
            Leaks.assertNotInFiles(dir.resolve("home-" + t));
        }
        Leaks.assertNowhere(dir);
    }

    private static List<String> columnsOf(TestDb db, String database, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                     + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
