package io.sluice.core.write;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local output file whose stream Sluice can always close. When a write fails (a full disk),
 * parquet-java marks its writer aborted and its {@code close()} returns without closing the
 * stream: the deleted temp file would stay open, holding the disk space the user needs back.
 */
final class ClosableOutputFile implements OutputFile {
    private final OutputFile file;
    private PositionOutputStream stream;

    ClosableOutputFile(Path path) {
        this(new ChannelOutputFile(path));
    }

    ClosableOutputFile(OutputFile file) {
        this.file = file;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        stream = file.create(blockSizeHint);
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        stream = file.createOrOverwrite(blockSizeHint);
        return stream;
    }

    @Override
    public boolean supportsBlockSize() {
        return file.supportsBlockSize();
    }

    @Override
    public long defaultBlockSize() {
        return file.defaultBlockSize();
    }

    @Override
    public String getPath() {
        return file.getPath();
    }

    /**
     * After {@code failure}: closes the stream too, a failure to close (a full disk fails the final flush
     * as well) added to the first, which the caller goes on to throw.
     */
    void closeStreamAfter(Exception failure) {
        try {
            closeStream();
        } catch (IOException again) {
            failure.addSuppressed(again);
        }
    }

    /** Closes the stream if parquet-java left it open; safe to call after a normal close. */
    void closeStream() throws IOException {
        if (stream != null) {
            PositionOutputStream s = stream;
            stream = null;
            s.close();
        }
    }
}
