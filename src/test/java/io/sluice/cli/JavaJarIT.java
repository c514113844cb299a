package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.JarImage;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar sluice.jar}, the README's CLI, as its own process: the command runs on a second JVM
 * with the installed launcher's options and a class archive (io.sluice.TunedJvm). The JVM's flags are
 * read from {@code -XX:+PrintFlagsFinal}, which the second JVM receives with the user's other options.
 */
@ExtendWith(MariaDbExtension.class)
class JavaJarIT {
    @TempDir
    Path dir;

    private static String dsn(TestDb db) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_types";
    }

    private Cli.Run javaJar(Path home, List<String> jvmOptions, String... args) throws Exception {
        return javaJar(home, jvmOptions, Map.of(), args);
    }

    private Cli.Run javaJar(Path home, List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        return javaJar(Path.of(System.getProperty("java.home"), "bin", "java"), home, jvmOptions, env, args);
    }

    private Cli.Run javaJar(Path java, Path home, List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = Cli.startJar(java, JarImage.jar(), jvmOptions, env, home, out, err, args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar still running after 2 minutes");
        return new Cli.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String[] export(TestDb db, Path target) {
        return new String[] {"export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table", "ints", "--out", target.toString(),
                "--no-progress"};
    }

    /** The last value printed for each flag: the second JVM prints its flags after the first one's. */
    private static Map<String, String> lastFlags(String printFlagsFinal) {
        Map<String, String> flags = new HashMap<>();
        for (String line : printFlagsFinal.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 4 && words[2].equals("=")) {
                flags.put(words[1], words[3].startsWith("{") ? "" : words[3]);
            }
        }
        return flags;
    }

    /** The class-loading log of the JVM that wrote Parquet: each JVM logs to a file of its own (%p). */
    private static List<String> secondJvmClassLog(Path folder) throws IOException {
        for (String name : filesIn(folder)) {
            List<String> lines = Files.readAllLines(folder.resolve(name));
            if (lines.stream().anyMatch(l -> l.contains("org.apache.parquet.hadoop.ParquetFileWriter "))) {
                return lines;
            }
        }
        throw new AssertionError("no JVM logged loading ParquetFileWriter: " + filesIn(folder));
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The rows of the table as an export in this JVM writes them. */
    private String rowsExportedInProcess(TestDb db) throws Exception {
        Path inProcess = dir.resolve("in-process.parquet");
        assertEquals(0, Cli.withPassword(export(db, inProcess)).code());
        return ParquetFiles.rows(inProcess).toString();
    }

    /** The one archive or cache the first export recorded, named as {@code pattern} says; no temp file beside it. */
    private static String theOneRecorded(Path cds, String pattern) throws IOException {
        List<String> recorded = filesIn(cds);
        assertEquals(1, recorded.size(), () -> "one archive, no temp file: " + recorded);
        assertTrue(recorded.get(0).matches(pattern), recorded::toString);
        return recorded.get(0);
    }

    /**
     * A second export on {@code java} uses what the first recorded (the flag {@code option} names it) and
     * reads next to none of its classes from the jars; its flags, for more checks.
     */
    private Map<String, String> secondExportUses(Path java, TestDb db, Path home, String recorded, String option, String expected)
            throws Exception {
        Path second = dir.resolve("second.parquet");
        Path classLog = Files.createDirectory(dir.resolve("class-load"));
        Cli.Run r = javaJar(java, home, List.of("-XX:+PrintFlagsFinal", "-Xlog:class+load=info:file=" + classLog.resolve("jvm-%p.txt")),
                Map.of(), export(db, second));
        assertEquals(0, r.code(), r.err());
        Map<String, String> flags = lastFlags(r.out());
        assertEquals(home.resolve("cds").resolve(recorded).toString(), flags.get(option), "the archive is used");
        assertEquals(expected, ParquetFiles.rows(second).toString());
        // the archive holds the classes the first export only loaded, not just those it linked (io.sluice.ClassLinker):
        // the second export reads next to none of them from the jars (about 900 before)
        List<String> fromJars = secondJvmClassLog(classLog).stream().filter(l -> l.contains("source: file:")).toList();
        assertTrue(fromJars.size() <= 20, () -> fromJars.size() + " classes read from the jars:\n" + String.join("\n", fromJars));
        assertEquals(List.of(recorded), filesIn(home.resolve("cds")));
        Leaks.assertNotIn("the output", r.out() + r.err());
        Leaks.assertNotInFiles(home, dir); // the archive included
        return flags;
    }

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
        assertEquals("true", flags.get("RecordDynamicDumpInfo"), "the first export records the archive");
        assertEquals(expected, ParquetFiles.rows(first).toString());
        String recorded = theOneRecorded(home.resolve("cds"), "sluice-\\d+-[0-9a-f]+\\.jsa");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        flags = secondExportUses(java, db, home, recorded, "SharedArchiveFile", expected);
        assertEquals("false", flags.get("RecordDynamicDumpInfo"));
    }

    /** A JDK 25's java (the build machines have Temurin 25, as .ci/run says), or none. */
    private static Path jdk25() {
        for (String home : new String[] {System.getenv("JDK25_HOME"), "/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/temurin-25-jdk"}) {
            if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
                return Path.of(home, "bin", "java");
            }
        }
        return null;
    }

    @Test
    void onJdk25TheExportAfterAFirstSuccessRecordsAnAotCacheOnceAndThenItIsUsed(TestDb db) throws Exception {
        Path java = jdk25();
        Assumptions.assumeTrue(java != null, "no JDK 25 here");
        Path home = dir.resolve("home");
        String expected = rowsExportedInProcess(db);

        // a failed command, then a first success: neither records (a recording JVM dumps at every exit)
        Cli.Run failed = javaJar(java, home, List.of(), Map.of(), "export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table",
                "no_such_table", "--out", dir.resolve("never.parquet").toString(), "--no-progress");
        assertNotEquals(0, failed.code());
        assertEquals(List.of(), filesIn(home.resolve("cds")), "a failed command leaves nothing");
        Path first = dir.resolve("first.parquet");
        Cli.Run r = javaJar(java, home, List.of(), Map.of(), export(db, first));
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, ParquetFiles.rows(first).toString());
        String mark = theOneRecorded(home.resolve("cds"), "sluice-25-[0-9a-f]+\\.aot\\.succeeded");

        Path recording = dir.resolve("recording.parquet");
        r = javaJar(java, home, List.of(), Map.of(), export(db, recording));
        assertEquals(0, r.code(), r.err());
        // the recording JVM's own note ("AOTConfiguration recorded: …") stays out of stdout, which scripts read
        assertTrue(r.out().strip().matches("Wrote \\d+ rows to .*"), r.out());
        assertFalse(r.err().contains("rror"), r.err());
        assertEquals(expected, ParquetFiles.rows(recording).toString());
        String recorded = theOneRecorded(home.resolve("cds"), "sluice-25-[0-9a-f]+\\.aot");
        assertEquals(mark, recorded + ".succeeded");

        secondExportUses(java, db, home, recorded, "AOTCache", expected);
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

    /**
     * The window on a private X server (where Xvfb and GTK are installed; the build machines have
     * neither): the first start records the window's archive when it closes, the next one uses it.
     */
    @Test
    void theWindowRecordsItsOwnArchiveOnceAndThenUsesIt() throws Exception {
        windowRecordsOnceThenUses(Path.of(System.getProperty("java.home"), "bin", "java"), false, "sluice-window-\\d+-[0-9a-f]+\\.jsa",
                "SharedArchiveFile");
    }

    /** On JDK 25 the window's AOT cache: its first start only marks its success, the second records. */
    @Test
    void onJdk25TheWindowRecordsItsAotCacheAtItsSecondStartAndThenUsesIt() throws Exception {
        Path java = jdk25();
        Assumptions.assumeTrue(java != null, "no JDK 25 here");
        windowRecordsOnceThenUses(java, true, "sluice-window-25-[0-9a-f]+\\.aot", "AOTCache");
    }

    private void windowRecordsOnceThenUses(Path java, boolean marksFirst, String pattern, String option) throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        Assumptions.assumeTrue(Files.isExecutable(xvfb), "no Xvfb here");
        // -displayfd: Xvfb picks a free display and writes its number to stdout once it accepts clients
        Path number = dir.resolve("xvfb.display");
        Process x = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectOutput(number.toFile()).redirectError(dir.resolve("xvfb.err").toFile()).start();
        try {
            for (int i = 0; i < 100 && Files.readString(number).isBlank() && x.isAlive(); i++) {
                Thread.sleep(100);
            }
            Assumptions.assumeTrue(x.isAlive() && !Files.readString(number).isBlank(), "Xvfb did not start");
            String display = Files.readString(number).strip();
            Path home = dir.resolve("home");
            Map<String, String> env = Map.of("DISPLAY", ":" + display);
            List<String> quitAtFirstFrame = List.of("-Dsluice.exitAfterFirstFrame=true", "-XX:+PrintFlagsFinal");
            Cli.Run first = javaJar(java, home, quitAtFirstFrame, env);
            Assumptions.assumeFalse(first.err().contains("GTK 3"), "no GTK here");
            assertEquals(0, first.code(), first.err());
            if (marksFirst) {
                theOneRecorded(home.resolve("cds"), pattern + "\\.succeeded");
                Cli.Run recording = javaJar(java, home, quitAtFirstFrame, env);
                assertEquals(0, recording.code(), recording.err());
            }
            String recorded = theOneRecorded(home.resolve("cds"), pattern);
            assertTrue(Files.readString(home.resolve("sluice.log")).contains("window ready"));

            Cli.Run second = javaJar(java, home, quitAtFirstFrame, env);
            assertEquals(0, second.code(), second.err());
            assertEquals(home.resolve("cds").resolve(recorded).toString(), lastFlags(second.out()).get(option), "the archive is used");
            assertEquals(List.of(recorded), filesIn(home.resolve("cds")));
        } finally {
            x.destroy();
            x.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
