package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice demo}: the sample shop to try the command line on, gone with the process. */
class DemoCommandIT {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsUntilStoppedAndTheOtherCommandsReadIt() throws Exception {
        Path home = dir.resolve("home");
        Path out = dir.resolve("demo.out");
        Process demo = Cli.start(home, out, dir.resolve("demo.err"), "demo");
        try {
            String dsn = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); dsn == null && System.nanoTime() < end; ) {
                assertTrue(demo.isAlive(), () -> "the demo stopped: " + read(dir.resolve("demo.err")));
                String printed = read(out).strip();
                dsn = printed.startsWith("mysql://") ? printed : null;
                Thread.sleep(200);
            }
            assertTrue(dsn != null && dsn.matches("mysql://root@127\\.0\\.0\\.1:\\d+/sluice_demo"), "stdout is the DSN: " + dsn);
            assertTrue(read(dir.resolve("demo.err")).contains("until Ctrl-C. Try, in another terminal, this same command"), read(dir.resolve("demo.err")));

            Cli.Run probe = Cli.run("", "probe", "--dsn", dsn, "--ssl-mode", "disabled");
            assertEquals(0, probe.code(), probe.err());
            assertTrue(probe.out().contains("orders") && probe.out().contains("customers"), probe.out());
            Path file = dir.resolve("orders.parquet");
            Cli.Run export = Cli.run("", "export", "--dsn", dsn, "--ssl-mode", "disabled", "--table", "orders", "--out", file.toString(),
                    "--no-progress");
            assertEquals(0, export.code(), export.err());
            assertTrue(Files.size(file) > 0 && export.out().startsWith("Wrote "), export.out());
        } finally {
            demo.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the server
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo stops at a signal");
        }
        try (Stream<Path> left = Files.list(home)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("demo-")), "its data is gone with it");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
