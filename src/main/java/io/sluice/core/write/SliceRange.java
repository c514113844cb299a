package io.sluice.core.write;

import java.util.Arrays;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.io.api.Binary;

/**
 * The smallest and largest of a page's byte strings, in unsigned byte order (the order of strings and
 * plain binary in Parquet), each kept as a slice of one array: the page's values or the dictionary.
 */
final class SliceRange {
    private int minAt = -1;
    private int minLength;
    private int maxAt = -1;
    private int maxLength;

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

    /**
     * Gives the minimum and maximum to parquet-java's statistics, each in an array of its own, which
     * parquet-java keeps by reference (a reused one it would copy again).
     */
    void addTo(BinaryStatistics statistics, byte[] bytes) {
        if (minAt < 0) {
            return;
        }
        statistics.updateStats(Binary.fromConstantByteArray(Arrays.copyOfRange(bytes, minAt, minAt + minLength)));
        if (maxAt != minAt) { // a page of one value is common with blobs, and comparing a blob with itself reads all of it
            statistics.updateStats(Binary.fromConstantByteArray(Arrays.copyOfRange(bytes, maxAt, maxAt + maxLength)));
        }
    }

    void reset() {
        minAt = -1;
        maxAt = -1;
    }
}
