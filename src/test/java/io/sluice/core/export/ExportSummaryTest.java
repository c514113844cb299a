package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportSummaryTest {
    private static ExportSummary summary(long rows, Duration elapsed, Duration streaming) {
        return new ExportSummary(Path.of("/data/out.parquet"), rows, 5 * 1024, elapsed, streaming, List.of(), "");
    }

    @Test
    void aSmallExportSaysItsTimeButNoRate() {
        assertEquals("Wrote 6 rows to /data/out.parquet (5.0 KiB) in 0.7 s.",
                summary(6, Duration.ofMillis(700), Duration.ofMillis(150)).sentence());
        assertEquals("Wrote 1 row to /data/out.parquet (5.0 KiB) in 0.2 s.",
                summary(1, Duration.ofMillis(200), Duration.ofMillis(20)).sentence());
    }

    @Test
    void valuesWrittenAsNullAreCountedInWords() {
        assertEquals("1 value the mapping cannot hold was written as NULL", ExportSummary.nulledValues(1));
        assertEquals("1,024 values the mapping cannot hold were written as NULL", ExportSummary.nulledValues(1024));
    }

    @Test
    void anExportThatStreamedForASecondOrMoreSaysItsRate() {
        assertEquals("Wrote 1,000,000 rows to /data/out.parquet (5.0 KiB) in 2.4 s; streamed at 500,000 rows/s.",
                summary(1_000_000, Duration.ofMillis(2_400), Duration.ofSeconds(2)).sentence());
    }
}
