package io.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // sets the first JVM's start, which the window reads
class ProcessStartTest {
    /** The child: prints its start as ProcessStart and as the JDK see it, then the time it printed. */
    public static final class Print {
        public static void main(String[] args) {
            System.out.println(ProcessStart.ofThisProcess().orElseThrow().toEpochMilli() + " "
                    + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() + " " + System.currentTimeMillis());
        }
    }

    @Test
    void aProcessStartedJustNowStartedJustNow() throws Exception {
        long before = System.currentTimeMillis();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Print.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
        assertEquals(3, out.length, String.join(" ", out));
        long started = Long.parseLong(out[0]);
        long jdkSays = Long.parseLong(out[1]);
        long printed = Long.parseLong(out[2]);
        String seen = "started " + (started - before) + " ms after the test started it (the JDK says " + (jdkSays - before)
                + "), printed " + (printed - before) + " ms after";
        // /proc's times are in 10 ms ticks, the uptime to 10 ms; the JDK's can be up to a second early
        assertTrue(java.nio.file.Files.isReadable(Path.of("/proc/self/stat")) == ProcessStart.fromProc().isPresent(),
                "where there is a /proc, the start comes from it");
        assertTrue(started >= before - 30, seen);
        assertTrue(started <= printed, seen);
    }

    @Test
    void theUsersCommandIsTheFirstJvmWhenItPassedItsStart() {
        String old = System.getProperty(ProcessStart.FIRST_JVM_PROPERTY);
        try {
            System.setProperty(ProcessStart.FIRST_JVM_PROPERTY, "1796224000123");
            assertEquals(1796224000123L, ProcessStart.ofTheUsersCommand().orElseThrow().toEpochMilli());
            System.setProperty(ProcessStart.FIRST_JVM_PROPERTY, "not a number");
            long own = ProcessStart.ofThisProcess().orElseThrow().toEpochMilli();
            long users = ProcessStart.ofTheUsersCommand().orElseThrow().toEpochMilli();
            assertTrue(Math.abs(own - users) <= 200, own + " against " + users); // /proc's 10 ms steps, and a busy machine

        } finally {
            if (old == null) {
                System.clearProperty(ProcessStart.FIRST_JVM_PROPERTY);
            } else {
                System.setProperty(ProcessStart.FIRST_JVM_PROPERTY, old);
            }
        }
    }
}
