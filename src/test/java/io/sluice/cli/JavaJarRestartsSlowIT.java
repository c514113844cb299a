package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar} started three or four times over one settings folder: the JDK 25 AOT cache (a first
 * success marks, the next command records, the one after uses it) and the window's own archive or cache
 * on a private X server. These need a JDK 25, Xvfb and GTK, which the build machines install only for
 * the installers, and take about 40 s, so they run in {@code ./mvnw -Pdist verify} beside DistIT, not in
 * {@code ./mvnw verify}; the JDK 17 archive of the CLI stays there ({@link JavaJarIT}).
 */
class JavaJarRestartsSlowIT extends JavaJarHarness {
    private static final String TRAINED = "trained the AOT cache's recording on";

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
        assertFalse(Files.readString(home.resolve("sluice.log")).contains(TRAINED), "only a recording JVM trains");

        Path recording = dir.resolve("recording.parquet");
        r = javaJar(java, home, List.of(), Map.of(), export(db, recording));
        assertEquals(0, r.code(), r.err());
        // the recording JVM's own note ("AOTConfiguration recorded: …") is shown nowhere: stdout is the summary alone
        assertTrue(r.out().strip().matches("Wrote \\d+ rows to .*"), r.out());
        assertEquals("", r.err().strip(), "and stderr is empty");
        assertEquals(expected, ParquetFiles.rows(recording).toString());
        // after its command, the recording JVM ran the export's loops on made-up rows for their profiles
        assertTrue(Files.readString(home.resolve("sluice.log")).contains(TRAINED + " 200000 made-up rows"));
        String recorded = theOneRecorded(home.resolve("cds"), "sluice-25-[0-9a-f]+\\.aot");
        assertEquals(mark, recorded + ".succeeded");

        secondExportUses(java, db, home, recorded, "AOTCache", expected);
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

    /** A JDK 25's java (the build machines have Temurin 25, as .ci/run says), or none. */
    private static Path jdk25() {
        for (String home : new String[] {System.getenv("JDK25_HOME"), "/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/temurin-25-jdk"}) {
            if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
                return Path.of(home, "bin", "java");
            }
        }
        return null;
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
            assertFalse(Files.readString(home.resolve("sluice.log")).contains(TRAINED), "the window's recording does not train");

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
