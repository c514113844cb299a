package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.Leaks;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestDb;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar sluice.jar}, the README's CLI, as its own process: the command runs on a second JVM
 * with the installed launcher's options and a class archive (io.sluice.TunedJvm). The JVM's flags are
 * read from {@code -XX:+PrintFlagsFinal}, which the second JVM receives with the user's other options.
 */
class JavaJarIT extends JavaJarHarness {
    @Test
    void anExportRunsOnTheTunedJvmWhichRecordsTheClassArchiveOnceAndThenUsesIt(TestDb db) throws Exception {
        Path home = dir.resolve("home");
        String expected = rowsExportedInProcess(db);

        Path first = dir.resolve("first.parquet");
        Cli.Run r = javaJar(home, List.of("-XX:+PrintFlagsFinal"), export(db, first));
        assertEquals(0, r.code(), r.err());
        Map<String, String> flags = lastFlags(r.out());
        assertEquals("true", flags.get("UseSerialGC"), "the second JVM's GC");
        assertEquals(String.valueOf(16 << 20), flags.get("MaxNewSize"), "a small young generation");
        assertEquals(String.valueOf(512 << 10), flags.get("PretenureSizeThreshold"), "large arrays go to the old one");
        assertEquals("5.000000", flags.get("CompileThresholdScaling"));
        assertEquals("60000", flags.get("Tier3BackEdgeThreshold"), "loops to C1 at the JDK's own count, scaling and all");
        assertEquals("true", flags.get("RecordDynamicDumpInfo"), "the first export records the archive");
        assertEquals(expected, ParquetFiles.rows(first).toString());
        String recorded = theOneRecorded(home.resolve("cds"), "sluice-\\d+-[0-9a-f]+\\.jsa");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        flags = secondExportUses(java, db, home, recorded, "SharedArchiveFile", expected);
        assertEquals("false", flags.get("RecordDynamicDumpInfo"));
    }

    @Test
    void theUsersJvmOptionsWinAndAPreviewRecordsNoArchive(TestDb db) throws Exception {
        Path home = dir.resolve("home");
        Cli.Run r = javaJar(home, List.of("-Xmx200m", "-XX:+UseParallelGC", "-XX:+PrintFlagsFinal"),
                "preview", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table", "ints", "--limit", "2");
        assertEquals(0, r.code(), r.err());
        Map<String, String> flags = lastFlags(r.out());
        assertEquals(Long.toString(200L << 20), flags.get("MaxHeapSize"));
        assertEquals("true", flags.get("UseParallelGC"));
        assertEquals("false", flags.get("UseSerialGC"));
        assertNotEquals(String.valueOf(16 << 20), flags.get("MaxNewSize"), "the young generation is left to the user's GC");
        assertEquals("0", flags.get("PretenureSizeThreshold"));
        assertEquals("5.000000", flags.get("CompileThresholdScaling"), "the command ran on the second JVM");
        assertEquals(List.of(), filesIn(home.resolve("cds")));
    }

    /** A GC chosen in the environment, which the second JVM inherits: choosing ours as well would stop it. */
    @Test
    void aGcFromTheEnvironmentIsLeftAlone(TestDb db) throws Exception {
        Cli.Run r = javaJar(dir.resolve("home"), List.of("-XX:+PrintFlagsFinal"), Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC"),
                "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table", "ints");
        assertEquals(0, r.code(), r.err());
        Map<String, String> flags = lastFlags(r.out());
        assertEquals("true", flags.get("UseParallelGC"));
        assertEquals("5.000000", flags.get("CompileThresholdScaling"), "the command ran on the second JVM");
    }

    /** The mark that stops a third JVM is the last word, whatever the user passes. */
    @Test
    void theSecondJvmStartsNoThird(TestDb db) throws Exception {
        Cli.Run r = javaJar(dir.resolve("home"), List.of("-Dsluice.jvm.tuned=false", "-XX:+PrintFlagsFinal"),
                "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table", "ints");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().split(" CompileThresholdScaling ", -1).length - 1, "flags printed by exactly two JVMs");
    }

    /**
     * A debugger (any agent) and a flight recording are for the JVM the user started, so the command runs
     * there, once. Before, the second JVM started the debugger again (a fixed port was then taken) and,
     * on JDK 17, refused to start at all while recording the class archive with an agent; the first
     * JVM's recording, written as it ended, replaced the command's.
     */
    @Test
    void anAgentOrAFlightRecordingKeepsTheCommandOnTheJvmTheUserStarted(TestDb db) throws Exception {
        Path home = dir.resolve("home");
        String expected = rowsExportedInProcess(db);
        Path debugged = dir.resolve("debugged.parquet");
        Cli.Run r = javaJar(home, List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0",
                "-XX:+PrintFlagsFinal"), export(db, debugged));
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().split("Listening for transport dt_socket", -1).length - 1, "one debugger");
        assertEquals(1, r.out().split(" CompileThresholdScaling ", -1).length - 1, "flags printed by one JVM");
        assertEquals("1.000000", lastFlags(r.out()).get("CompileThresholdScaling"), "the user's JVM, as started");
        assertEquals(expected, ParquetFiles.rows(debugged).toString());

        Path recording = dir.resolve("export.jfr");
        Path recorded = dir.resolve("recorded.parquet");
        r = javaJar(home, List.of("-XX:StartFlightRecording=filename=" + recording), export(db, recorded));
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, ParquetFiles.rows(recorded).toString());
        boolean writerStarted = false;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            RecordedThread t = e.getEventType().getName().equals("jdk.ThreadStart") ? e.getThread("thread") : null;
            writerStarted |= t != null && "sluice-writer".equals(t.getJavaName());
        }
        assertTrue(writerStarted, "the recording is of the JVM that exported");

        int port; // JMX's remote agent on a port of its own: a second JVM found it taken and never ran the command
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path watched = dir.resolve("watched.parquet");
        r = javaJar(home, List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-XX:+PrintFlagsFinal"), export(db, watched));
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().split(" CompileThresholdScaling ", -1).length - 1, "flags printed by one JVM");
        assertEquals(expected, ParquetFiles.rows(watched).toString());
        assertEquals(List.of(), filesIn(home.resolve("cds")), "no archive recorded or used with them");
    }

    /** The loops' threshold goes with our scaling: a user's own scaling takes it off, theirs applies as chosen. */
    @Test
    void theUsersJitScalingReplacesOursAndTheLoopsThresholdWithIt(TestDb db) throws Exception {
        Cli.Run r = javaJar(dir.resolve("home"), List.of("-XX:CompileThresholdScaling=2", "-XX:+PrintFlagsFinal"),
                "probe", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table", "ints");
        assertEquals(0, r.code(), r.err());
        Map<String, String> flags = lastFlags(r.out());
        assertEquals("true", flags.get("UseSerialGC"), "the command ran on the second JVM");
        assertEquals("2.000000", flags.get("CompileThresholdScaling"));
        assertEquals("120000", flags.get("Tier3BackEdgeThreshold"), "the JDK's 60,000 under the user's scaling");
    }

    /** A JVM whose modules are patched takes no class archive: on JDK 17 one recording it would not start. */
    @Test
    void aPatchedModuleRunsTheCommandWithoutAnArchive(TestDb db) throws Exception {
        Path home = dir.resolve("home");
        Path patch = Files.createDirectories(dir.resolve("empty-patch"));
        Path target = dir.resolve("patched.parquet");
        Cli.Run r = javaJar(home, List.of("--patch-module", "java.sql=" + patch, "-XX:+PrintFlagsFinal"), export(db, target));
        assertEquals(0, r.code(), r.err());
        assertEquals("5.000000", lastFlags(r.out()).get("CompileThresholdScaling"), "the command ran on the second JVM");
        assertEquals("false", lastFlags(r.out()).get("RecordDynamicDumpInfo"));
        assertEquals(rowsExportedInProcess(db), ParquetFiles.rows(target).toString());
        assertTrue(Files.notExists(home.resolve("cds")) || filesIn(home.resolve("cds")).isEmpty());
    }

    @Test
    void aFailedExportPassesItsSentenceAndExitCodeOnAndRecordsNothing(TestDb db) throws Exception {
        Path home = dir.resolve("home");
        Path target = dir.resolve("never.parquet");
        List<String> args = new ArrayList<>(List.of(export(db, target)));
        args.set(args.indexOf("ints"), "no_such_table");
        Cli.Run r = javaJar(home, List.of(), args.toArray(String[]::new));
        Cli.Run same = Cli.withPassword(args.toArray(String[]::new));
        assertEquals(same.code(), r.code(), r.err());
        assertEquals(same.err().strip(), r.err().strip());
        Leaks.assertPlainSentence(r.err());
        assertEquals("", r.out());
        assertTrue(Files.notExists(target));
        assertEquals(List.of(), filesIn(home.resolve("cds")), "a failed export keeps no archive and no temp file");
    }

    /**
     * The window, on a display that cannot be opened (as over ssh, and on the build machines): it runs on
     * the second JVM, which records the window's own archive and gets none of the CLI's options, and
     * it ends with one sentence on stderr (after JavaFX's own warning), keeping no archive.
     */
    @Test
    void theWindowStartsOnTheSecondJvmAndWithoutADisplaySaysSoInOneSentence() throws Exception {
        Path home = dir.resolve("home");
        Cli.Run r = javaJar(home, List.of("-XX:+PrintFlagsFinal"), Map.of("DISPLAY", ":4242"));
        assertEquals(1, r.code(), r.err());
        Map<String, String> flags = lastFlags(r.out());
        assertEquals("true", flags.get("RecordDynamicDumpInfo"), "the second JVM records the window's archive");
        assertEquals("1.000000", flags.get("CompileThresholdScaling"), "the window keeps the JVM's own options");
        // JavaFX's own warning that it was loaded from the class path comes first (java.util.logging's console)
        String[] lines = r.err().strip().split("\n");
        String said = lines[lines.length - 1];
        assertTrue(said.startsWith("The window needs a display, and none could be opened (DISPLAY is ':4242')")
                || said.startsWith("The window needs GTK 3"), r.err());
        Leaks.assertPlainSentence(said);
        assertFalse(r.err().contains("\tat "), () -> "a stack trace: " + r.err());
        assertEquals(List.of(), filesIn(home.resolve("cds")), "a window that never opened keeps no archive");
    }
}
