package io.sluice.core.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.Statistics;

/**
 * BYTE_ARRAY from Arrow's Utf8 and Binary vectors: each value's length and bytes copied from the
 * vector straight into the page, with no {@code Binary} made per value. The page's minimum and
 * maximum are found in the page itself (unsigned byte order, the order of strings and plain binary
 * in Parquet) and handed to parquet-java once, when the page is written ({@link SliceRange}).
 */
final class PlainBinaryColumn extends PageColumn {
    /** Values this long on average are copied one by one: the copy itself then outweighs the call. */
    static final int LONG_VALUE_BYTES = 1_024;

    private final SliceRange range;
    private long valueBytes;
    /** A run's values, off the Arrow buffer; reused. */
    private byte[] stage = new byte[1 << 12];

    PlainBinaryColumn(ColumnDescriptor column, ParquetProperties properties) {
        super(column, properties);
        this.range = new SliceRange(column.getPrimitiveType(), properties.getColumnIndexTruncateLength());
    }

    @Override
    void startRowGroup(PageWriter pageWriter) {
        super.startRowGroup(pageWriter);
        range.startChunk();
    }

    @Override
    int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes) {
        BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
        long offsets = address(v.getOffsetBuffer(), from * 4L, (to - from + 1) * 4L);
        int end = from;
        long bytes = values.size();
        while (end < to && bytes < pageBytes) { // the rows this page takes: up to the one that fills it
            bytes += 4 + MemoryUtil.getInt(offsets + (end + 1) * 4L) - MemoryUtil.getInt(offsets + end * 4L);
            end++;
        }
        int first = MemoryUtil.getInt(offsets + from * 4L);
        int length = MemoryUtil.getInt(offsets + end * 4L) - first;
        ArrowBuf data = v.getDataBuffer();
        // short values come from one copy of the run; long ones (documents, blobs) straight from the vector
        byte[] run = length < LONG_VALUE_BYTES * (end - from) ? staged(data, first, length) : null;
        values.ensure((int) (bytes - values.size()));
        long bits = validity == null ? 0 : validityAddress(validity, from, end);
        for (int row = from; row < end; row++) {
            if (validity == null || bit(bits, row) != 0) {
                int start = MemoryUtil.getInt(offsets + row * 4L);
                int valueLength = MemoryUtil.getInt(offsets + (row + 1) * 4L) - start;
                values.putInt(valueLength);
                int at = values.size();
                if (run != null) {
                    values.put(run, start - first, valueLength);
                } else {
                    values.put(data, start, valueLength);
                }
                range.observe(values.array(), at, valueLength);
                valueBytes += valueLength;
            }
        }
        return end;
    }

    /**
     * The run's bytes, copied from the vector in one go: a copy out of Arrow's memory costs a call into
     * the JVM each until the JIT has compiled it, and for a million short strings that call is most of
     * the cost.
     */
    private byte[] staged(ArrowBuf data, int start, int length) {
        if (stage.length < length) {
            stage = new byte[Math.max(length, stage.length * 2)];
        }
        data.getBytes(start, stage, 0, length);
        return stage;
    }

    @Override
    Statistics<?> pageStatistics() {
        BinaryStatistics s = (BinaryStatistics) Statistics.createStats(type);
        range.addTo(s, values.array());
        return s;
    }

    @Override
    long unencodedByteArrayBytes() {
        return valueBytes;
    }

    @Override
    void resetStatistics() {
        range.reset();
        valueBytes = 0;
    }
}
