package io.sluice.core.write;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * BYTE_ARRAY from Arrow's Utf8 and Binary vectors: each value's length and bytes copied from the
 * vector straight into the page, with no {@code Binary} made per value. The page's minimum and
 * maximum are found in the page itself (unsigned byte order, the order of strings and plain binary
 * in Parquet) and copied once, when the page is written.
 */
final class PlainBinaryColumn extends PlainColumn {
    private int minAt = -1;
    private int minLength;
    private int maxAt = -1;
    private int maxLength;
    private long valueBytes;
    /** A run's values, off the Arrow buffer; reused. */
    private byte[] stage = new byte[1 << 12];

    PlainBinaryColumn(ColumnDescriptor column, ParquetProperties properties) {
        super(column, properties);
    }

    @Override
    int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes) {
        BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
        ArrowBuf offsets = v.getOffsetBuffer();
        int end = from;
        long bytes = values.size();
        while (end < to && bytes < pageBytes) { // the rows this page takes: up to the one that fills it
            bytes += 4 + offsets.getInt((end + 1) * 4L) - offsets.getInt(end * 4L);
            end++;
        }
        int first = offsets.getInt(from * 4L);
        int length = offsets.getInt(end * 4L) - first;
        byte[] run = staged(v.getDataBuffer(), first, length);
        values.ensure((int) (bytes - values.size()));
        for (int row = from; row < end; row++) {
            if (validity == null || BitVectorHelper.get(validity, row) != 0) {
                int start = offsets.getInt(row * 4L);
                int valueLength = offsets.getInt((row + 1) * 4L) - start;
                values.putInt(valueLength);
                int at = values.size();
                values.put(run, start - first, valueLength);
                observe(at, valueLength);
                valueBytes += valueLength;
            }
        }
        return end;
    }

    /**
     * The run's bytes, copied from the vector in one go: a copy out of Arrow's memory a value costs a
     * call into the JVM each until the JIT has compiled it, and a million short strings make that
     * the larger part of their time.
     */
    private byte[] staged(ArrowBuf data, int start, int length) {
        if (stage.length < length) {
            stage = new byte[Math.max(length, stage.length * 2)];
        }
        data.getBytes(start, stage, 0, length);
        return stage;
    }

    private void observe(int at, int length) {
        byte[] page = values.array();
        if (minAt < 0) {
            minAt = at;
            minLength = length;
            maxAt = at;
            maxLength = length;
        } else if (Arrays.compareUnsigned(page, at, at + length, page, minAt, minAt + minLength) < 0) {
            minAt = at;
            minLength = length;
        } else if (Arrays.compareUnsigned(page, at, at + length, page, maxAt, maxAt + maxLength) > 0) {
            maxAt = at;
            maxLength = length;
        }
    }

    @Override
    Statistics<?> pageStatistics() {
        BinaryStatistics s = (BinaryStatistics) Statistics.createStats(type);
        if (minAt >= 0) {
            byte[] page = values.array();
            // arrays of their own, which parquet-java keeps by reference (a reused one it would copy again)
            Binary min = Binary.fromConstantByteArray(Arrays.copyOfRange(page, minAt, minAt + minLength));
            Binary max = maxAt == minAt ? min : Binary.fromConstantByteArray(Arrays.copyOfRange(page, maxAt, maxAt + maxLength));
            s.updateStats(min);
            s.updateStats(max);
        }
        return s;
    }

    @Override
    long unencodedByteArrayBytes() {
        return valueBytes;
    }

    @Override
    void resetStatistics() {
        minAt = -1;
        maxAt = -1;
        valueBytes = 0;
    }
}
