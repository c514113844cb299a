package io.sluice.core.write;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
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
 * Where {@code O_DIRECT} is refused (tmpfs, some network file systems, other systems), the file is
 * written through the page cache as before. {@code -Dsluice.directWrites=false} turns it off.
 */
final class ChannelOutputFile implements OutputFile {
    private static final int BUFFER_BYTES = 256 << 10;
    /** The largest block the buffer's size is a whole number of. */
    private static final long MAX_BLOCK = 64 << 10;
    private static final boolean DIRECT = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
            && !"false".equals(System.getProperty("sluice.directWrites"));

    private final Path path;
    private final boolean direct;

    ChannelOutputFile(Path path) {
        this(path, DIRECT);
    }

    /** {@code direct}: with O_DIRECT where the file system takes it. */
    ChannelOutputFile(Path path, boolean direct) {
        this.path = path;
        this.direct = direct;
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
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES + (int) MAX_BLOCK).alignedSlice((int) MAX_BLOCK)
                .limit(BUFFER_BYTES).slice();
        FileChannel channel = FileChannel.open(path, options); // creates or truncates the file as asked
        int block = direct ? blockSize() : 0;
        if (block > 0) {
            try {
                // a second handle with O_DIRECT: opening the file with it at once could fail after creating it
                FileChannel direct = FileChannel.open(path, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
                channel.close();
                return new ChannelStream(direct, buffer, block);
            } catch (IOException | UnsupportedOperationException e) {
                // this file system writes through the page cache only
            }
        }
        return new ChannelStream(channel, buffer, 0);
    }

    /** The file system's block, which O_DIRECT's offsets and lengths are whole numbers of; 0 when unusable here. */
    private int blockSize() {
        try {
            long block = Files.getFileStore(path).getBlockSize();
            return block > 0 && block <= MAX_BLOCK && Long.bitCount(block) == 1 ? (int) block : 0;
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
        private final FileChannel channel;
        private final ByteBuffer buffer;
        /** O_DIRECT's block, which every write's offset and length are whole numbers of; 0 through the page cache. */
        private final int block;
        /** Bytes written to the channel; those still in the buffer come on top. */
        private long written;
        private boolean closed;
        /** A write failed (a full disk): the file is abandoned, and closing it only lets the handle go. */
        private boolean failed;

        ChannelStream(FileChannel channel, ByteBuffer buffer, int block) {
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
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, bytes.length);
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

        /** Writes the buffer (with O_DIRECT, its whole blocks; the rest moves to its start). */
        private void drain() throws IOException {
            if (failed) {
                throw new IOException("an earlier write to this file failed");
            }
            int end = buffer.position();
            int whole = block == 0 ? end : end - end % block;
            buffer.position(0).limit(whole);
            try {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
            buffer.limit(end).position(whole);
            buffer.compact();
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
            try (channel) {
                if (!failed) {
                    drain();
                    if (block > 0 && buffer.position() > 0) {
                        writePaddedTail();
                    }
                }
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
