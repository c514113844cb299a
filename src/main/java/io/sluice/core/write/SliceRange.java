package io.sluice.core.write;

import java.util.Arrays;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The smallest and largest of a page's byte strings, in unsigned byte order (the order of strings and
 * plain binary in Parquet), each kept as a slice of one array: the page's values or the dictionary.
 */
final class SliceRange {
    /**
     * Off in a test only, which writes the same rows both ways and compares the files byte for byte; off,
     * every value is copied, which is always correct.
     */
    static volatile boolean lendLongValues = true;

    /** Whether parquet-java's column index truncates this column's values into arrays of its own. */
    private final boolean indexTruncatesIntoNewArrays;
    /** The length parquet-java's column index truncates values to. */
    private final int indexTruncateLength;
    /** No page with values has been handed over in this column chunk yet. */
    private boolean chunkStarts = true;
    private int minAt = -1;
    private int minLength;
    private int maxAt = -1;
    private int maxLength;

    SliceRange(PrimitiveType type, int columnIndexTruncateLength) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        // parquet-java's BinaryTruncator: its UTF-8 truncator for these, which makes a new array of every value
        // it truncates; for other annotations one that keeps each value as it is
        this.indexTruncatesIntoNewArrays = logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation;
        this.indexTruncateLength = columnIndexTruncateLength;
    }

    void observe(byte[] bytes, int at, int length) {
        if (minAt < 0) {
            minAt = at;
            minLength = length;
            maxAt = at;
            maxLength = length;
        } else if (compare(bytes, at, length, minAt, minLength) < 0) {
            minAt = at;
            minLength = length;
        } else if (compare(bytes, at, length, maxAt, maxLength) > 0) {
            maxAt = at;
            maxLength = length;
        }
    }

    /** Most values differ from the minimum and the maximum in their first byte. */
    private static int compare(byte[] bytes, int at, int length, int otherAt, int otherLength) {
        if (length > 0 && otherLength > 0 && bytes[at] != bytes[otherAt]) {
            return (bytes[at] & 0xFF) - (bytes[otherAt] & 0xFF);
        }
        return Arrays.compareUnsigned(bytes, at, at + length, bytes, otherAt, otherAt + otherLength);
    }

    /** Gives the page's minimum and maximum to parquet-java's statistics for the page. */
    void addTo(BinaryStatistics statistics, byte[] bytes) {
        if (minAt < 0) {
            return;
        }
        // a page of one value is common with blobs, and comparing a blob with itself reads all of it. In a
        // chunk's first page it is copied: the chunk's statistics start from the page's by copying a lent
        // minimum and maximum apart (two copies of one blob, held to the row group's end), and keep one
        // shared copy of a constant.
        boolean oneValue = maxAt == minAt;
        Binary min = oneValue && chunkStarts ? copy(bytes, minAt, minLength) : handOver(bytes, minAt, minLength);
        Binary max = oneValue ? min : handOver(bytes, maxAt, maxLength);
        statistics.setMinMax(min, max);
        chunkStarts = false;
    }

    /** A new column chunk (row group) starts: its first page with values is copied, see {@link #addTo}. */
    void startChunk() {
        chunkStarts = true;
    }

    /**
     * The value as parquet-java's statistics get it. parquet-java keeps a page's minimum and maximum in
     * two places: the column chunk's statistics, which take them with {@code Binary.copy()} (a copy of a
     * value in a reused array, the value itself when it is constant), and the column index, which keeps
     * what its truncator returns: a new array for a longer value, but the value itself for one no
     * longer than the truncate length, or where it cannot round the truncated prefix up. So a value
     * whose truncation certainly makes a new array is lent as it lies in {@code bytes}, which the page
     * reuses, and copied by parquet-java only if it becomes the chunk's minimum or maximum; any other
     * value is copied here. This follows parquet-java 1.18's code (BinaryStatistics, BinaryTruncator,
     * ColumnChunkPageWriteStore); PageColumnsTest writes such values lent and copied and compares the
     * files, so an upgrade that keeps a lent value fails there. A blob page's value was copied whole for
     * each page's statistics, which parquet-java then leaves out of the file (over 4 KiB): on the blob
     * table 1.1 s of the writer's 3.6 CPU-s (docs/benchmarks.md, fifteenth pass).
     */
    Binary handOver(byte[] bytes, int at, int length) {
        if (lendLongValues && indexTruncatesIntoNewArrays && length > indexTruncateLength && prefixRoundsUp(bytes, at)) {
            return Binary.fromReusedByteArray(bytes, at, length);
        }
        return copy(bytes, at, length);
    }

    private static Binary copy(byte[] bytes, int at, int length) {
        return Binary.fromConstantByteArray(Arrays.copyOfRange(bytes, at, at + length));
    }

    /**
     * Whether parquet-java's truncator certainly rounds the value's truncated prefix up: it does when the
     * prefix holds a byte under 0x7F. Its UTF-8 truncation keeps at least the truncate length less 3 bytes
     * (it drops a character cut in two), and an ASCII byte below 0x7F, incremented, is still one; its
     * byte-wise one fails only where every byte is 0xFF.
     */
    private boolean prefixRoundsUp(byte[] bytes, int at) {
        int kept = indexTruncateLength - 3;
        for (int i = at; i < at + kept; i++) {
            if ((bytes[i] & 0xFF) < 0x7F) {
                return true;
            }
        }
        return false;
    }

    void reset() {
        minAt = -1;
        maxAt = -1;
    }
}
