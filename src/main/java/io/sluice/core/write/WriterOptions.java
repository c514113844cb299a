package io.sluice.core.write;

/**
 * Parquet file layout. Row groups are held in memory until flushed and parquet-java sizes them by
 * compressed bytes, so they are bounded by rows too, to keep the heap flat on compressible data.
 */
public record WriterOptions(Compression compression, long rowGroupBytes, int rowGroupRows, int pageBytes) {
    public static final WriterOptions DEFAULTS = new WriterOptions(Compression.ZSTD, 64L << 20, 1 << 20, 1 << 20);

    public WriterOptions {
        if (rowGroupBytes < 1 << 16 || rowGroupRows < 1 || pageBytes < 1 << 10) {
            throw new IllegalArgumentException("Row groups must allow at least 64 KiB and one row; pages at least 1 KiB.");
        }
    }

    public WriterOptions withCompression(Compression c) {
        return new WriterOptions(c, rowGroupBytes, rowGroupRows, pageBytes);
    }

    public WriterOptions withRowGroupRows(int rows) {
        return new WriterOptions(compression, rowGroupBytes, rows, pageBytes);
    }

    public WriterOptions withRowGroupBytes(long bytes) {
        return new WriterOptions(compression, bytes, rowGroupRows, pageBytes);
    }
}
