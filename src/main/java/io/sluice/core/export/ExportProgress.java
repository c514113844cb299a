package io.sluice.core.export;

import java.time.Duration;
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

    public Optional<Duration> eta() {
        double rate = rowsPerSecond();
        if (expectedRows < 0 || rate <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, expectedRows - rowsRead);
        return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
}
