package io.sluice.core.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a {@link FileChannel}, a MiB at a time. parquet-java's own
 * {@code LocalInputFile} reads an array one byte at a time (its stream has only the one-byte
 * {@code read()}, one system call each): joining table (d)'s two halves through it took 35 s. And
 * parquet-java copies a column chunk 8 KiB at a time: a read of the file each would be 750,000 system
 * calls for a 6 GB table.
 */
final class ChannelInputFile implements InputFile {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path path;

    ChannelInputFile(Path path) {
        this.path = path;
    }

    @Override
    public long getLength() throws IOException {
        return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        Buffered in = new Buffered(FileChannel.open(path, StandardOpenOption.READ));
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long newPos) {
                in.seek(newPos);
            }
        };
    }

    /** The file from a buffer filled by positional reads; a seek within the buffer reads nothing. */
    private static final class Buffered extends InputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).flip();
        /** Where in the file the buffer's first byte is. */
        private long bufferStart;

        Buffered(FileChannel channel) {
            this.channel = channel;
        }

        long position() {
            return bufferStart + buffer.position();
        }

        void seek(long pos) {
            if (pos >= bufferStart && pos <= bufferStart + buffer.limit()) {
                buffer.position((int) (pos - bufferStart));
            } else {
                bufferStart = pos;
                buffer.clear().flip(); // empty: the next read fills it from here
            }
        }

        /** False at the end of the file. */
        private boolean fill() throws IOException {
            if (buffer.hasRemaining()) {
                return true;
            }
            bufferStart += buffer.limit();
            buffer.clear();
            int n = channel.read(buffer, bufferStart);
            buffer.flip();
            return n > 0;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buffer.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
