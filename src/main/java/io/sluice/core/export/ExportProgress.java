package io.sluice.core.export;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A moment of an export.
 *
 * @param expectedRows the total to expect (from the row estimate or the limit), or -1 if unknown
 */
public record ExportProgress(long rowsRead, long rowsWritten, long bytesWritten, Duration elapsed, long expectedRows) {

    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : rowsRead / s;
    }

    /** 0..1, or -1 when the total is unknown. */
    public double fraction() {
        if (expectedRows <= 0) {
            return expectedRows == 0 ? 1 : -1;
        }
        return Math.min(1.0, (double) rowsRead / expectedRows);
    }

    /** The progress line both faces show, e.g. {@code 42% · 1,234 rows · 5,000 rows/s · 1.2 MiB written · 3.4 s · ETA 5.0 s}. */
    public String line() {
        String pct = fraction() < 0 ? "" : String.format(Locale.ROOT, "%.0f%%  ·  ", fraction() * 100);
        String etaText = eta().map(d -> "  ·  ETA " + Units.duration(d)).orElse("");
        return String.format(Locale.ROOT, "%s%,d rows  ·  %,.0f rows/s  ·  %s written  ·  %s%s", pct, rowsRead, rowsPerSecond(),
                Units.bytes(bytesWritten), Units.duration(elapsed), etaText);
    }

    /** The line both faces show while a one-file export over several connections joins its ranges. */
    public static String joiningLine(long bytesWritten, long bytesInAll) {
        long pct = bytesInAll <= 0 ? 100 : Math.min(100, Math.round(100.0 * bytesWritten / bytesInAll));
        return String.format(Locale.ROOT, "joining the ranges into one file  ·  %d%%  ·  %s of %s", pct, Units.bytes(bytesWritten),
                Units.bytes(bytesInAll));
    }

    public Optional<Duration> eta() {
        double rate = rowsPerSecond();
        if (expectedRows < 0 || rate <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, expectedRows - rowsRead);
        return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
}
