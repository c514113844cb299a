package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar sluice.jar} as a user types it, each command a process of its own, and reads
 * what its JVMs did: the flags from {@code -XX:+PrintFlagsFinal} (the second JVM receives it with the
 * user's other options), the class archive or AOT cache left in the settings folder. Shared by
 * {@link JavaJarIT} (in {@code ./mvnw verify}) and {@link JavaJarRestartsSlowIT} (in {@code -Pdist verify}).
 */
@ExtendWith(MariaDbExtension.class)
abstract class JavaJarHarness {
    @TempDir
    Path dir;

    static String dsn(TestDb db) {
        return "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_types";
    }

    Cli.Run javaJar(Path home, List<String> jvmOptions, String... args) throws Exception {
        return javaJar(home, jvmOptions, Map.of(), args);
    }

    Cli.Run javaJar(Path home, List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        return javaJar(Path.of(System.getProperty("java.home"), "bin", "java"), home, jvmOptions, env, args);
    }

    Cli.Run javaJar(Path java, Path home, List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = Cli.startJar(java, JarImage.jar(), jvmOptions, env, home, out, err, args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar still running after 2 minutes");
        return new Cli.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    String[] export(TestDb db, Path target) {
        return new String[] {"export", "--dsn", dsn(db), "--ssl-mode", "disabled", "--table", "ints", "--out", target.toString(),
                "--no-progress"};
    }

    /** The last value printed for each flag: the second JVM prints its flags after the first one's. */
    static Map<String, String> lastFlags(String printFlagsFinal) {
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
    static List<String> secondJvmClassLog(Path folder) throws IOException {
        for (String name : filesIn(folder)) {
            List<String> lines = Files.readAllLines(folder.resolve(name));
            if (lines.stream().anyMatch(l -> l.contains("org.apache.parquet.hadoop.ParquetFileWriter "))) {
                return lines;
            }
        }
        throw new AssertionError("no JVM logged loading ParquetFileWriter: " + filesIn(folder));
    }

    static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The rows of the table as an export in this JVM writes them. */
    String rowsExportedInProcess(TestDb db) throws Exception {
        Path inProcess = dir.resolve("in-process.parquet");
        assertEquals(0, Cli.withPassword(export(db, inProcess)).code());
        return ParquetFiles.rows(inProcess).toString();
    }

    /** The one archive or cache the first export recorded, named as {@code pattern} says; no temp file beside it. */
    static String theOneRecorded(Path cds, String pattern) throws IOException {
        List<String> recorded = filesIn(cds);
        assertEquals(1, recorded.size(), () -> "one archive, no temp file: " + recorded);
        assertTrue(recorded.get(0).matches(pattern), recorded::toString);
        return recorded.get(0);
    }

    /**
     * A second export on {@code java} uses what the first recorded (the flag {@code option} names it) and
     * reads next to none of its classes from the jars; its flags, for more checks.
     */
    Map<String, String> secondExportUses(Path java, TestDb db, Path home, String recorded, String option, String expected)
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
}
