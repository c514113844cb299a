package io.sluice.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up really runs the writer end to end (else it would warm nothing), and keeps no file. */
class WarmupTest {
    @Test
    void writesAWholeParquetFileIntoNothing() throws Exception {
        long bytes = Warmup.writeTinyFile();
        // "PAR1", two column chunks, the footer with the Arrow schema, "PAR1"
        assertTrue(bytes > 300, () -> bytes + " bytes");
    }
}
