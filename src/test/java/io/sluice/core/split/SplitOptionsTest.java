package io.sluice.core.split;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitOptionsTest {
    @TempDir
    Path dir;

    private static SplitOptions parallel(int n) {
        return new SplitOptions(0, 0, n, 0, 0, false);
    }

    /** Only connections asked for, and a name a file of Parquet has: one file; anything about parts: a folder. */
    @Test
    void rangesGoIntoOneFileOnlyWhenNoPartsAreAskedForAndTheTargetIsNamedAsParquet() throws Exception {
        assertTrue(parallel(2).joinsInto(dir.resolve("orders.parquet")));
        assertTrue(parallel(4).joinsInto(dir.resolve("ORDERS.PARQUET")));
        assertFalse(parallel(1).joinsInto(dir.resolve("orders.parquet")), "one connection is a plain export");
        assertFalse(parallel(2).joinsInto(dir.resolve("orders")), "a folder's name");
        assertFalse(new SplitOptions(1000, 0, 2, 0, 0, false).joinsInto(dir.resolve("orders.parquet")), "parts of N rows");
        assertFalse(new SplitOptions(0, 1 << 20, 2, 0, 0, false).joinsInto(dir.resolve("orders.parquet")), "parts of a size");
        assertFalse(new SplitOptions(0, 0, 2, 0, 0, true).joinsInto(dir.resolve("orders.parquet")), "a resume");
        Path folder = Files.createDirectory(dir.resolve("parts.parquet"));
        assertFalse(parallel(2).joinsInto(folder), "a folder that is there, whatever its name");
    }
}
