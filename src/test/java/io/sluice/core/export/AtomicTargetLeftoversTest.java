package io.sluice.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed export leaves (its temp file, a parallel export's folder of ranges) goes at the next
 * export to the same target; a running process's, another target's and files not named so stay.
 */
class AtomicTargetLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void theNextExportRemovesWhatAnEndedProcessLeftAndNothingElse() throws Exception {
        long ended = endedProcess();
        long running = ProcessHandle.current().pid();
        Path target = Files.writeString(dir.resolve("out.parquet"), "the old file");
        Path staleFile = Files.writeString(dir.resolve("out.parquet.sluice-tmp-" + ended + "-0123456789ab"), "half a file");
        Path staleRanges = Files.createDirectory(dir.resolve("out.parquet.sluice-tmp-" + ended + "-0123456789ab-ranges"));
        Files.writeString(staleRanges.resolve("part-00000.parquet"), "a range");
        Path runningFile = Files.writeString(dir.resolve("out.parquet.sluice-tmp-" + running + "-abcdefabcdef"), "being written");
        Path withoutPid = Files.writeString(dir.resolve("out.parquet.sluice-tmp-0123456789ab"), "from an older Sluice");
        Path otherTarget = Files.writeString(dir.resolve("other.parquet.sluice-tmp-" + ended + "-0123456789ab"), "another target's");
        Path lookalike = Files.writeString(dir.resolve("out.parquet.sluice-tmp-" + ended + "-notours"), "not a temp name");

        try (AtomicTarget t = AtomicTarget.begin(target)) {
            assertFalse(Files.exists(staleFile), "the ended process's temp file");
            assertFalse(Files.exists(staleRanges), "the ended process's folder of ranges");
            for (Path kept : List.of(target, runningFile, withoutPid, otherTarget, lookalike)) {
                assertTrue(Files.exists(kept), kept + " kept");
            }
            assertEquals("out.parquet.sluice-tmp-" + running + "-", t.temp().getFileName().toString().substring(0,
                    ("out.parquet.sluice-tmp-" + running + "-").length()), "a temp file names its process");
            assertTrue(Files.exists(t.temp()));
        }
        assertEquals("the old file", Files.readString(target), "not committed: the target as it was");
        assertEquals(Set.of("out.parquet", runningFile.getFileName().toString(), withoutPid.getFileName().toString(),
                otherTarget.getFileName().toString(), lookalike.getFileName().toString()), names());
    }

    /** The id of a process that has ended (a JVM that printed its version). */
    private static long endedProcess() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        assertFalse(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
        return p.pid();
    }

    private Set<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
