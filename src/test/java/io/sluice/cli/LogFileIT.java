package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import io.sluice.testing.Leaks;
import io.sluice.testing.MariaDbExtension;
import io.sluice.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The log file: runs append to it, it is cut by size, two processes can write it at once, no password. */
@ExtendWith(MariaDbExtension.class)
class LogFileIT {
    private static final Pattern PID = Pattern.compile("pid (\\d+) .*exported \\d+ rows");

    @TempDir
    Path dir;

    private Process export(TestDb db, Path home, String table) throws Exception {
        return Cli.start(home, dir.resolve(table + ".out"), dir.resolve(table + ".err"), "export",
                "--dsn", "mysql://" + TestDb.USER + "@" + db.host() + ":" + db.port() + "/sluice_types", "--ssl-mode", "disabled",
                "--table", table, "--out", dir.resolve(table + ".parquet").toString(), "--no-progress");
    }

    @Test
    void runsAppendAndAFullLogIsCutNotTruncated(TestDb db) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path log = home.resolve("sluice.log");
        String earlier = "2026-01-01 00:00:00.000 the window's earlier line\n";
        Files.writeString(log, earlier);
        Process first = export(db, home, "ints");
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("ints.err")));
        String after = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(after.startsWith(earlier), "the earlier lines are kept: " + after);
        assertTrue(after.contains("exported 5 rows"), after);

        // past 5 MB the log moves to sluice.log.1 and a new one begins: nothing is lost
        byte[] big = "x".repeat(6 << 20).getBytes(StandardCharsets.US_ASCII);
        Files.write(log, big, java.nio.file.StandardOpenOption.APPEND);
        Process second = export(db, home, "nums");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTrue(Files.readString(home.resolve("sluice.log.1")).startsWith(earlier), "the old log moved whole");
        assertTrue(Files.size(log) < 1 << 20, "a fresh log after the cut");
        assertTrue(Files.readString(log).contains("exported 7 rows"));
        Leaks.assertNotIn("the log", Files.readString(log) + Files.readString(home.resolve("sluice.log.1")));
    }

    @Test
    void twoProcessesWritingAtOnceBothLand(TestDb db) throws Exception {
        Path home = Files.createDirectories(dir.resolve("shared"));
        List<Process> running = new ArrayList<>();
        for (String t : List.of("ints", "nums", "temporal", "texts")) {
            running.add(export(db, home, t));
        }
        for (Process p : running) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        String log = Files.readString(home.resolve("sluice.log"));
        Set<String> pids = new TreeSet<>();
        Matcher m = PID.matcher(log);
        while (m.find()) {
            pids.add(m.group(1));
        }
        assertEquals(4, pids.size(), "one 'exported' line from each process: " + log);
        for (String line : log.split("\n")) {
            assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2} .*") || line.startsWith("\t") || line.isBlank(), "a whole line: " + line);
        }
    }
}
