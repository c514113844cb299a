package io.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.testing.ParquetFiles;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache's training (JDK 25, {@code java -jar}) runs the real readers and writer on made-up
 * binary-protocol rows: if a packet were laid out wrong, a reader would fail or read other values, and
 * the cache would hold the profiles of an error path. So the file it writes must read back as made.
 */
class TrainingTest {
    private static final long MICROS_2020 = 18_262L * 86_400_000_000L;

    @Test
    void madeUpRowsGoThroughTheRealReadersAndWriterAndReadBackAsMade(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("training.parquet");
        int rows = 40_000; // more than one batch
        assertEquals(rows, Training.run(rows, new LocalOutputFile(file)));
        assertEquals(Training.COLUMNS.size(), ParquetFiles.schema(file).getFieldCount());
        List<Group> read = ParquetFiles.rows(file);
        assertEquals(rows, read.size());
        for (int i = 0; i < rows; i++) {
            int n = i;
            Group g = read.get(n);
            long h = Training.mix(n);
            String at = "row " + n;
            assertEquals(Long.MIN_VALUE + n, g.getLong("id", 0), at); // BIGINT UNSIGNED above 2^63, as UINT64 bits
            assertEquals((int) (h % 100_000), g.getInteger("qty", 0), at);
            assertEquals(List.of("new", "paid", "shipped").get(n % 3), g.getString("status", 0), at);
            assertEquals(Math.floorMod(h, 10_000_000_000L), g.getLong("price", 0), at);
            assertOptional(g, "discount", n % 7 == 0, () -> assertEquals((int) (h % 100_000), g.getInteger("discount", 0), at));
            assertOptional(g, "score", n % 5 == 0, () -> assertEquals((h >>> 11) * 0x1.0p-43, g.getDouble("score", 0), at));
            assertEquals("code-" + (1000 + Math.floorMod(h, 1000)), g.getString("code", 0), at);
            assertOptional(g, "note", n % 4 == 0, () -> assertEquals("note é " + n, g.getString("note", 0).substring(0, 7 + Integer.toString(n).length()), at));
            assertEquals(MICROS_2020 + n * 1_000_123L / 1000 * 1000, g.getLong("created", 0), at);
            assertOptional(g, "shipped", n % 3 == 0, () -> assertEquals(18_262 + n % 900, g.getInteger("shipped", 0), at));
            assertEquals(n % 256, g.getInteger("priority", 0), at);
            assertEquals(8 + Math.floorMod(h, 25), g.getBinary("token", 0).length(), at);
            assertOptional(g, "flag", n % 11 == 0, () -> assertEquals(n & 1, g.getInteger("flag", 0), at));
            assertOptional(g, "body", n % 6 == 0, () -> assertEquals("x".repeat(n % 50), g.getString("body", 0), at));
            assertEquals(h, g.getLong("big", 0), at);
            assertOptional(g, "small", n % 9 == 0, () -> assertEquals((short) h, g.getInteger("small", 0), at));
            assertEquals((int) (h & 0xFF_FFFF), g.getInteger("medium", 0), at);
            assertEquals(n * 7, g.getInteger("counter", 0), at);
            assertEquals(MICROS_2020 + Math.floorMod(h, 100_000_000_000_000L), g.getLong("stamp", 0), at);
            assertOptional(g, "updated", n % 8 == 0, () -> assertEquals(MICROS_2020 + n * 60_000_000L, g.getLong("updated", 0), at));
            assertOptional(g, "duration", n % 10 == 0,
                    () -> assertEquals(Math.floorMod(h, 86_400_000_000L) / 1000 * 1000, g.getLong("duration", 0), at));
            assertEquals(1990 + n % 60, g.getInteger("made", 0), at);
            assertOptional(g, "total", n % 12 == 0,
                    () -> assertEquals(BigInteger.valueOf(h), new BigInteger(g.getBinary("total", 0).getBytes()), at));
            assertOptional(g, "payload", n % 10 == 0, () -> assertEquals(Math.floorMod(h, 400), g.getBinary("payload", 0).length(), at));
        }
    }

    @Test
    void theTrainingsOwnOutputKeepsNothing() throws Exception {
        Warmup.Discard nowhere = new Warmup.Discard();
        assertEquals(3_000, Training.run(3_000, nowhere));
        assertTrue(nowhere.written > 100_000, "the file's bytes were counted and let go: " + nowhere.written);
    }

    private static void assertOptional(Group g, String column, boolean isNull, Runnable valueCheck) {
        assertEquals(isNull ? 0 : 1, g.getFieldRepetitionCount(column), column);
        if (!isNull) {
            valueCheck.run();
        }
    }
}
