package io.sluice.core.write;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local Parquet file written through a {@link FileChannel} from a direct buffer of 256 KiB.
 *
 * <p>parquet-java hands a row group's pages to its output 8 KiB at a time (its byte collectors go through
 * {@code Channels.newChannel(out)}). Its own {@code LocalOutputFile} passes each piece on through a 4 KiB
 * {@code BufferedOutputStream} (which lets 8 KiB through) to a channel, which copies it into a temporary
 * direct buffer and makes one {@code write(2)} of it: about 7,000 calls for table (d)'s 58 MB, all at the
 * end of the row group, when the file is written. Here the pieces are copied into one buffer and written
 * a quarter MiB at a time: as many copies, 30 times fewer calls (docs/benchmarks.md, tenth pass).
 *
 * <p>On Linux the file is written with {@code O_DIRECT} where its file system takes it: straight from the
 * buffer to the disk, past the page cache. The export makes the file durable before it renames it
 * ({@code fsync}), so every byte goes to the disk before the command ends either way; through the page
 * cache it was copied once more on the way, into memory the kernel had to find first. That copy came
 * at the end of each row group, with nothing else left to do: 130-220 ms of CPU for table (d)'s 56 MB
 * where the machine's free memory was cold (a virtual machine's first touch of a page), against 40-70 ms
 * past the cache (docs/benchmarks.md, fourteenth pass). The writes then go in whole blocks at block
 * offsets, so the last one is padded with zeros and the file cut back to its length when it closes.
 * Only local disk file systems get it: over NFS or SMB each write would wait for a round trip.
 * Elsewhere, where {@code O_DIRECT} is refused, or where the first write with it fails, the file is
 * written through the page cache as before. {@code -Dsluice.directWrites=false} turns it off.
 */
final class ChannelOutputFile implements OutputFile {
    private static final int BUFFER_BYTES = 256 << 10;
    /** The largest block the buffer's size and alignment are whole numbers of. */
    private static final int MAX_BLOCK = 64 << 10;
    /** The smallest block written: a disk's logical sector can be 4 KiB under a file system of smaller blocks. */
    private static final int MIN_BLOCK = 4 << 10;
    private static final boolean DIRECT = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
            && !"false".equals(System.getProperty("sluice.directWrites"));
    /** Local disk file systems, as /proc/mounts names them. */
    private static final Set<String> LOCAL_DISKS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "jfs", "bcachefs");

    private final Path path;
    private final boolean direct;
    /** For tests: this block instead of the file system's (one smaller than the kernel takes makes O_DIRECT's first write fail). */
    private final int block;

    ChannelOutputFile(Path path) {
        this(path, DIRECT);
    }

    /** {@code direct}: with O_DIRECT where the file system takes it. */
    ChannelOutputFile(Path path, boolean direct) {
        this(path, direct, 0);
    }

    ChannelOutputFile(Path path, boolean direct, int block) {
        this.path = path;
        this.direct = direct;
        this.block = block;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private PositionOutputStream open(OpenOption... options) throws IOException {
        // first: if this fails, no file is left open. Aligned for O_DIRECT, which reads from memory at block boundaries.
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES + MAX_BLOCK).alignedSlice(MAX_BLOCK).limit(BUFFER_BYTES).slice();
        FileChannel cached = FileChannel.open(path, options); // creates or truncates the file as asked
        int block = !direct ? 0 : this.block > 0 ? this.block : blockSize();
        FileChannel past = null;
        if (block > 0) {
            try {
                // a second handle with O_DIRECT: opening the file with it at once could fail after creating it
                past = FileChannel.open(path, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            } catch (IOException | UnsupportedOperationException e) {
                // this file system writes through the page cache only
            } catch (RuntimeException | Error e) {
                cached.close();
                throw e;
            }
        }
        if (past == null) {
            return new ChannelStream(path, cached, buffer, 0);
        }
        try (FileChannel unused = cached) {
            return new ChannelStream(path, past, buffer, block);
        } catch (IOException e) {
            past.close();
            throw e;
        }
    }

    /** The block O_DIRECT's offsets and lengths are whole numbers of; 0 where the file is not to be written so. */
    private int blockSize() {
        try {
            FileStore store = Files.getFileStore(path);
            long block = Math.max(store.getBlockSize(), MIN_BLOCK);
            return LOCAL_DISKS.contains(store.type()) && block <= MAX_BLOCK && Long.bitCount(block) == 1 ? (int) block : 0;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return 0;
        }
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return -1;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    private static final class ChannelStream extends PositionOutputStream {
        private final Path path;
        private FileChannel channel;
        private final ByteBuffer buffer;
        /** O_DIRECT's block, which every write's offset and length are whole numbers of; 0 through the page cache. */
        private int block;
        /** Bytes written to the channel; those still in the buffer come on top. */
        private long written;
        private boolean closed;
        /** A write failed (a full disk): the file is abandoned, and closing it only lets the handle go. */
        private boolean failed;

        ChannelStream(Path path, FileChannel channel, ByteBuffer buffer, int block) {
            this.path = path;
            this.channel = channel;
            this.buffer = buffer;
            this.block = block;
        }

        @Override
        public long getPos() {
            return written + buffer.position();
        }

        @Override
        public void write(int b) throws IOException {
            checkNotFailed();
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, bytes.length);
            checkNotFailed();
            while (len > 0) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(len, buffer.remaining());
                buffer.put(bytes, off, n);
                off += n;
                len -= n;
            }
        }

        private void checkNotFailed() throws IOException {
            if (failed) {
                throw new IOException("an earlier write to this file failed");
            }
        }

        /** Writes the buffer (with O_DIRECT, its whole blocks; the rest moves to its start). */
        private void drain() throws IOException {
            checkNotFailed();
            int end = buffer.position();
            int whole = block == 0 ? end : end - end % block;
            buffer.position(0).limit(whole);
            try {
                writeBuffer();
            } catch (IOException e) {
                if (block == 0 || written > 0) {
                    failed = true;
                    throw e;
                }
                // O_DIRECT opened but its first write was refused (a disk whose sector is larger than the
                // file system's block, a stacked file system): the same bytes through the page cache
                throughThePageCache();
                buffer.position(0).limit(end);
                whole = end;
                try {
                    writeBuffer();
                } catch (IOException again) {
                    failed = true; // through the page cache too: the file is abandoned, as in the first branch
                    throw again;
                }
            }
            buffer.limit(end).position(whole);
            buffer.compact();
        }

        private void writeBuffer() throws IOException {
            try {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        private void throughThePageCache() throws IOException {
            FileChannel past = channel;
            block = 0;
            try {
                channel = FileChannel.open(path, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            } finally {
                past.close();
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!failed) {
                    drain();
                    if (block > 0 && buffer.position() > 0) {
                        writePaddedTail();
                    }
                }
            } finally {
                channel.close(); // the page cache's handle when drain switched to it, which closed the other
            }
        }

        /** O_DIRECT's last write: the rest of the file, padded with zeros to a block, then cut back to its length. */
        private void writePaddedTail() throws IOException {
            long length = getPos();
            while (buffer.position() % block != 0) {
                buffer.put((byte) 0);
            }
            drain();
            channel.truncate(length);
            written = length;
        }
    }
}
