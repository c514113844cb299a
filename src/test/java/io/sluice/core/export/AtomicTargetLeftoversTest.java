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
 * What a killed export leaves (its temp file, a parallel export's folder of ranges, its writer's lock
 * file) goes at the next export to the same target; a live writer's, another target's, and anything
 * whose writer cannot be told stay. FaultsIT does the same with processes.
 */
class AtomicTargetLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void theNextExportRemovesWhatAWriterThatEndedLeftAndNothingElse() throws Exception {
        Path target = Files.writeString(dir.resolve("out.parquet"), "the old file");
        String stem = "out.parquet.sluice-tmp-4242-0123456789ab";
        Path staleFile = Files.writeString(dir.resolve(stem), "half a file");
        Path staleRanges = Files.createDirectory(dir.resolve(stem + "-ranges"));
        Files.writeString(staleRanges.resolve("part-00000.parquet"), "a range");
        Files.createFile(dir.resolve(stem + ".lock")); // its writer's lock, which nobody holds now
        Path withoutLock = Files.writeString(dir.resolve("out.parquet.sluice-tmp-4343-abcdefabcdef"), "no lock file: cannot tell");
        Path olderName = Files.writeString(dir.resolve("out.parquet.sluice-tmp-0123456789ab"), "from an older Sluice");
        Path otherTarget = Files.writeString(dir.resolve("other.parquet.sluice-tmp-4242-0123456789ab"), "another target's");
        Files.createFile(dir.resolve("other.parquet.sluice-tmp-4242-0123456789ab.lock"));
        Path lookalike = Files.writeString(dir.resolve("out.parquet.sluice-tmp-4242-notours"), "not a temp name");

        try (AtomicTarget first = AtomicTarget.begin(target)) {
            assertFalse(Files.exists(staleFile), "the ended writer's temp file");
            assertFalse(Files.exists(staleRanges), "the ended writer's folder of ranges");
            assertFalse(Files.exists(dir.resolve(stem + ".lock")), "the ended writer's lock file");
            for (Path kept : List.of(target, withoutLock, olderName, otherTarget, lookalike)) {
                assertTrue(Files.exists(kept), kept + " kept");
            }
            String name = first.temp().getFileName().toString();
            assertTrue(name.startsWith("out.parquet.sluice-tmp-" + ProcessHandle.current().pid() + "-"), name);
            assertTrue(Files.exists(first.temp().resolveSibling(name + ".lock")), "a writer holds its lock file");
            Files.writeString(first.temp(), "the first export's rows");

            // a second export to the same target while the first writes: the first's files are a live writer's
            try (AtomicTarget second = AtomicTarget.begin(target)) {
                assertTrue(Files.exists(first.temp()) && Files.exists(first.temp().resolveSibling(name + ".lock")));
                Files.writeString(second.temp(), "the second export's rows");
                second.commit();
            }
            assertEquals("the second export's rows", Files.readString(target));
            first.commit();
        }
        assertEquals("the first export's rows", Files.readString(target), "both committed, the last one stays");
        assertEquals(Set.of("out.parquet", withoutLock.getFileName().toString(), olderName.getFileName().toString(),
                otherTarget.getFileName().toString(), "other.parquet.sluice-tmp-4242-0123456789ab.lock",
                lookalike.getFileName().toString()), names(), "no temp or lock file of the two exports");
    }

    @Test
    void aLockFileAloneGoesAndAWriterIsKnownHoweverItsFolderIsSpelled() throws Exception {
        Files.createFile(dir.resolve("out.parquet.sluice-tmp-4242-0123456789ab.lock")); // a kill between the lock and the temp file
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir);
        try (AtomicTarget first = AtomicTarget.begin(dir.resolve("out.parquet"))) {
            Set<String> firstsFiles = names();
            assertEquals(2, firstsFiles.size() - 1, "the orphan lock file went; the first's temp and lock files: " + firstsFiles);
            // the same target through a link and through ./: the first's writer is this process, whose lock stays
            for (Path same : List.of(link.resolve("out.parquet"), dir.resolve(".").resolve("out.parquet"))) {
                try (AtomicTarget second = AtomicTarget.begin(same)) {
                    assertTrue(names().containsAll(firstsFiles), names().toString());
                }
            }
            Files.writeString(first.temp(), "rows");
            first.commit();
        }
        assertEquals(Set.of("out.parquet", "link"), names());
        assertEquals("rows", Files.readString(dir.resolve("out.parquet")));
    }

    @Test
    void anExportThatFailsLeavesNeitherItsTempFileNorItsLock() throws Exception {
        Path target = dir.resolve("out.parquet");
        try (AtomicTarget t = AtomicTarget.begin(target)) {
            Files.writeString(t.temp(), "rows");
        }
        assertEquals(Set.of(), names());
    }

    private Set<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
