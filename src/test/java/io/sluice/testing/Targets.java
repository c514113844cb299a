package io.sluice.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a failed or cancelled export must leave behind: nothing of its own. */
public final class Targets {
    private Targets() {}

    public static void assertNoTempFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().contains(".sluice-tmp-")).toList();
            assertTrue(temps.isEmpty(), "temp files left: " + temps);
        }
    }
}
