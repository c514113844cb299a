package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.core.error.SluiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A target named as a file of another format is refused in one sentence; every other name is taken. */
class AtomicTargetNameTest {
    @Test
    void namesOfOtherFormatsAreRefusedWithTheNameToUseInstead() {
        assertEquals("Sluice writes Parquet, not CSV: name the file out.parquet rather than out.csv.",
                refused("/tmp/x/out.csv"));
        assertEquals("Sluice writes Parquet, not JSON Lines: name the file events.2024.parquet rather than events.2024.JSONL.",
                refused("events.2024.JSONL"));
        assertEquals("Sluice writes Parquet, not Excel: name the file sheet.parquet rather than sheet.xlsx.", refused("sheet.xlsx"));
    }

    @Test
    void parquetAndNamesOfNoKnownFormatAreTaken() {
        for (String name : new String[] {"out.parquet", "out.pq", "out", ".csv", "out.csv.parquet", "dir.csv/out.parquet", "out.zst"}) {
            assertDoesNotThrow(() -> AtomicTarget.checkNamedAsParquet(Path.of(name)), name);
        }
    }

    private static String refused(String name) {
        return assertThrows(SluiceException.class, () -> AtomicTarget.checkNamedAsParquet(Path.of(name))).getMessage();
    }
}
