package io.sluice.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When a process started, for "the window opened N ms after the process started". On Linux the JDK's
 * {@code ProcessHandle.Info.startInstant()} adds the process's start in clock ticks to the boot time
 * in whole seconds ({@code btime} of /proc/stat), so it is early by the boot time's fraction of a
 * second, the same on every start until the next boot: 0.6 s on the benchmark's machine one day,
 * which every window opening measured then included. Here the boot time is now minus the uptime
 * (/proc/uptime, to 10 ms). Elsewhere, the JDK's figure.
 */
public final class ProcessStart {
    /**
     * Set on the second JVM of {@code java -jar} (io.sluice.TunedJvm): when the first one, the process the
     * user started, began, in milliseconds since the epoch.
     */
    public static final String FIRST_JVM_PROPERTY = "sluice.jvm.started";
    /** USER_HZ: the unit of /proc's process times, 100 on every Linux kernel built for a desktop or server. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStart() {}

    /** When this process started. */
    public static Optional<Instant> ofThisProcess() {
        // No lambdas, streams or regular expressions: the first JVM of java -jar calls this (see TunedJvm)
        Optional<Instant> fromProc = fromProc();
        return fromProc.isPresent() ? fromProc : ProcessHandle.current().info().startInstant();
    }

    /** From Linux's /proc; empty elsewhere. */
    static Optional<Instant> fromProc() {
        try {
            Path stat = Path.of("/proc/self/stat");
            Path uptime = Path.of("/proc/uptime");
            if (Files.isReadable(stat) && Files.isReadable(uptime)) {
                String s = Files.readString(stat, StandardCharsets.ISO_8859_1); // the command's name may be any bytes
                String upLine = Files.readString(uptime, StandardCharsets.ISO_8859_1);
                long now = System.currentTimeMillis();
                double up = Double.parseDouble(firstWord(upLine));
                // fields after the command's name, which is in parentheses and may hold spaces: state is the 3rd
                // field, starttime the 22nd
                String[] after = s.substring(s.lastIndexOf(')') + 2).split(" ");
                double startedAfterBoot = Long.parseLong(after[22 - 3]) / TICKS_PER_SECOND;
                if (startedAfterBoot <= up) {
                    return Optional.of(Instant.ofEpochMilli(now - Math.round((up - startedAfterBoot) * 1000)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux's /proc as expected: the JDK's figure
        }
        return Optional.empty();
    }

    /**
     * When the process the user started began: the first JVM's start under {@code java -jar}, which it
     * passes in {@link #FIRST_JVM_PROPERTY}, else this process's.
     */
    public static Optional<Instant> ofTheUsersCommand() {
        String first = System.getProperty(FIRST_JVM_PROPERTY);
        if (first != null) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(first)));
            } catch (NumberFormatException e) {
                // not ours: this process's own start
            }
        }
        return ofThisProcess();
    }

    private static String firstWord(String line) {
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).trim();
    }
}
