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
            String dsn = awaitDsn(demo, out, dir.resolve("demo.err"));
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
        assertTrue(read(dir.resolve("demo.err")).contains("The demo database has stopped, and its data is gone."),
                "a stop is said: " + read(dir.resolve("demo.err")));
        try (Stream<Path> left = Files.list(home)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("demo-")), "its data is gone with it");
        }
    }

    /** A kill -9 runs no shutdown hook: the next demo stops the server it left, and removes its folder. */
    @Test
    void theNextDemoStopsTheServerAKilledOneLeftRunning() throws Exception {
        Path home = dir.resolve("home");
        Process first = Cli.start(home, dir.resolve("first.out"), dir.resolve("first.err"), "demo");
        ProcessHandle orphan;
        try {
            awaitDsn(first, dir.resolve("first.out"), dir.resolve("first.err"));
            orphan = first.descendants().filter(p -> p.info().command().orElse("").endsWith("mariadbd")).findFirst()
                    .orElseThrow(() -> new AssertionError("the demo's server is a child of the demo"));
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
        try {
            Thread.sleep(500);
            assertTrue(orphan.isAlive(), "the killed demo's server runs on: the case this test is about");
            Process second = Cli.start(home, dir.resolve("second.out"), dir.resolve("second.err"), "demo");
            try {
                awaitDsn(second, dir.resolve("second.out"), dir.resolve("second.err"));
                assertFalse(orphan.isAlive(), "the server the killed demo left is stopped");
                try (Stream<Path> left = Files.list(home)) {
                    assertEquals(1, left.filter(p -> p.getFileName().toString().startsWith("demo-")).count(),
                            "only the running demo's folder");
                }
            } finally {
                second.destroy();
                assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            }
        } finally {
            orphan.destroyForcibly(); // whatever happened above, no server outlives the test
        }
    }

    private static String awaitDsn(Process demo, Path out, Path err) throws InterruptedException {
        // the demo's log, in its home beside the files it writes, says why a server did not start
        Path log = out.resolveSibling("home").resolve("sluice.log");
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); System.nanoTime() < end; ) {
            assertTrue(demo.isAlive(), () -> "the demo stopped: " + read(err) + "\nits log:\n" + read(log));
            String printed = read(out).strip();
            if (printed.startsWith("mysql://")) {
                return printed;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no DSN in 120 s: " + read(err));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
