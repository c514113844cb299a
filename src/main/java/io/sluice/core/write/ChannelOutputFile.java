package io.sluice.core.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 */
final class ChannelOutputFile implements OutputFile {
    private static final int BUFFER_BYTES = 256 << 10;

    private final Path path;

    ChannelOutputFile(Path path) {
        this.path = path;
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
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES); // first: if this fails, no file is left open
        return new ChannelStream(FileChannel.open(path, options), buffer);
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
        /** Bytes written to the channel; those still in the buffer come on top. */
        private long written;
        private boolean closed;
        /** A write failed (a full disk): the file is abandoned, and closing it only lets the handle go. */
        private boolean failed;

        ChannelStream(FileChannel channel, ByteBuffer buffer) {
            this.channel = channel;
            this.buffer = buffer;
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

        private void drain() throws IOException {
            if (failed) {
                throw new IOException("an earlier write to this file failed");
            }
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            } finally {
                buffer.clear();
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
            try (channel) {
                if (!failed) {
                    drain();
                }
            }
        }
    }
}
