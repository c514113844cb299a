package io.sluice.core.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelOutputFileTest {
    @TempDir
    Path dir;

    @Test
    void piecesOfEverySizeLandInOrderAndThePositionCountsThem() throws IOException {
        piecesLandInOrder(true);
    }

    @Test
    void throughThePageCacheToo() throws IOException {
        piecesLandInOrder(false);
    }

    /** Where the file system takes O_DIRECT (Linux, ext4 and most others), the file is open with it. */
    @Test
    void theFileIsWrittenPastThePageCacheWhereItCanBe() throws IOException {
        assumeTrue(takesDirect(), "needs a local file system with O_DIRECT, on Linux");
        Path file = dir.resolve("direct.parquet");
        try (PositionOutputStream out = new ChannelOutputFile(file, true).create(0)) {
            out.write(new byte[] {1, 2, 3});
            assertTrue(openWithDirect(file), "O_DIRECT in the flags of the file's descriptor");
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file), "the padding cut off");
        Path cached = dir.resolve("cached.parquet");
        try (PositionOutputStream ignored = new ChannelOutputFile(cached, false).create(0)) {
            assertFalse(openWithDirect(cached));
        }
    }

    /** O_DIRECT refused at the first write (here: a block smaller than the JDK and the kernel take): the page cache. */
    @Test
    void aFirstWriteRefusedPastThePageCacheGoesThroughIt() throws IOException {
        assumeTrue(takesDirect(), "needs a local file system with O_DIRECT, on Linux");
        Path file = dir.resolve("fallback.parquet");
        byte[] bytes = new byte[700_000];
        new Random(7).nextBytes(bytes);
        try (PositionOutputStream out = new ChannelOutputFile(file, true, 512).create(0)) {
            out.write(bytes, 0, 1000);
            out.flush(); // the first write: 512 bytes, refused with O_DIRECT
            assertFalse(openWithDirect(file), "written through the page cache after the refusal");
            out.write(bytes, 1000, bytes.length - 1000);
            assertEquals(bytes.length, out.getPos());
        }
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    private boolean takesDirect() throws IOException {
        Path probe = dir.resolve("probe");
        Files.write(probe, new byte[0]);
        try (FileChannel ignored = FileChannel.open(probe, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)) {
            return Files.isDirectory(Path.of("/proc/self/fdinfo"))
                    && Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs").contains(Files.getFileStore(dir).type());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Whether the descriptor this process has open on the file has O_DIRECT: the flag's bit differs by
     * processor (octal 040000 on x86, 0200000 on arm64), so it is found by opening a probe file with and without it.
     */
    private boolean openWithDirect(Path file) throws IOException {
        Path probe = dir.resolve("flags-probe");
        Files.write(probe, new byte[0]);
        long plain;
        long direct;
        try (FileChannel ignored = FileChannel.open(probe, StandardOpenOption.WRITE)) {
            plain = flagsOf(probe);
        }
        try (FileChannel ignored = FileChannel.open(probe, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)) {
            direct = flagsOf(probe);
        }
        long bit = direct & ~plain;
        assertEquals(1, Long.bitCount(bit), "one flag tells the two apart");
        return (flagsOf(file) & bit) != 0;
    }

    /** The flags of the one descriptor this process has open on the file, from /proc/self/fdinfo. */
    private static long flagsOf(Path file) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                Path target;
                try {
                    target = Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    continue; // closed since it was listed
                }
                if (target.equals(file.toAbsolutePath())) {
                    String flags = Files.readAllLines(Path.of("/proc/self/fdinfo", fd.getFileName().toString())).stream()
                            .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow().substring(6).strip();
                    return Long.parseLong(flags, 8);
                }
            }
        }
        throw new AssertionError("no descriptor open on " + file);
    }

    private void piecesLandInOrder(boolean direct) throws IOException {
        Path file = dir.resolve("out.parquet");
        Files.write(file, new byte[3_000_000]); // longer than what is written: overwriting truncates it
        Random random = new Random(42);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // single bytes, 8 KiB pieces as parquet-java gives them, pieces larger than the buffer and exactly its
        // size; -1: a flush, after which the next write starts at an offset that is not a whole block
        int[] sizes = {1, 8192, 1, 0, 300_000, -1, 256 << 10, 8192, 1_000_000, 7, -1, 256 << 10, 1};
        try (PositionOutputStream out = new ChannelOutputFile(file, direct).createOrOverwrite(0)) {
            for (int size : sizes) {
                if (size < 0) {
                    out.flush();
                    continue;
                }
                byte[] piece = new byte[size + 10];
                random.nextBytes(piece);
                if (size == 1) {
                    out.write(piece[0]);
                    expected.write(piece[0]);
                } else {
                    out.write(piece, 5, size); // an offset into a larger array
                    expected.write(piece, 5, size);
                }
                assertEquals(expected.size(), out.getPos());
            }
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void createKeepsAnExistingFile() throws IOException {
        Path file = dir.resolve("there.parquet");
        Files.writeString(file, "keep");
        assertThrows(FileAlreadyExistsException.class, () -> new ChannelOutputFile(file).create(0));
        assertEquals("keep", Files.readString(file));
    }

    /** A full disk, as Linux's /dev/full plays one: the write fails, closing lets the handle go and writes nothing more. */
    @Test
    void aFailedWriteFailsWhatFollowsAndClosingOnlyReleasesTheFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        PositionOutputStream out = new ChannelOutputFile(full).createOrOverwrite(0);
        IOException failed = assertThrows(IOException.class, () -> out.write(new byte[300_000], 0, 300_000));
        assertTrue(failed.getMessage() != null, failed::toString);
        assertThrows(IOException.class, () -> out.write(new byte[300_000], 0, 300_000), "no write after a failed one");
        out.close(); // does not try the buffer again
        out.close();
    }

    @Test
    void closingTwiceWritesOnce() throws IOException {
        Path file = dir.resolve("twice.parquet");
        PositionOutputStream out = new ChannelOutputFile(file).create(0);
        out.write(new byte[] {1, 2, 3});
        out.close();
        out.close();
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    }
}
