package io.sluice.core.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * INT64 from an Arrow vector of 8 bytes a value (integers, timestamps, times, durations), copied as
 * they lie a run at a time, or from the low 8 bytes of a wider decimal's (as {@link ValueWriters#decimal}).
 */
final class PlainInt64Column extends PageColumn {
    /** Bytes a value in the Arrow data buffer: 8, or a decimal's 16. */
    private final int stride;
    /** Unsigned values compare as signed ones with the sign bit flipped. */
    private final long flip;
    private final KeyRange range = new KeyRange();

    PlainInt64Column(ColumnDescriptor column, ParquetProperties properties, int stride) {
        super(column, properties);
        this.stride = stride;
        PrimitiveComparator<Long> order = type.comparator();
        this.flip = order.compare(-1L, 0L) > 0 ? Long.MIN_VALUE : 0; // the column's order: UINT_64 compares unsigned
    }

    int stride() {
        return stride;
    }

    @Override
    int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes) {
        int end = Math.min(to, from + Math.max(1, (pageBytes - values.size() + 7) / 8));
        values.ensure((end - from) * 8);
        ArrowBuf data = vector.getDataBuffer();
        long address = address(data, (long) from * stride, (long) (end - from) * stride);
        if (validity == null && stride == 8) {
            values.put(data, from * 8L, (end - from) * 8);
            for (int row = from; row < end; row++) {
                range.observe(flip ^ MemoryUtil.getLong(address + row * 8L));
            }
            return end;
        }
        long bits = validity == null ? 0 : validityAddress(validity, from, end);
        for (int row = from; row < end; row++) {
            if (validity == null || bit(bits, row) != 0) {
                long v = MemoryUtil.getLong(address + (long) row * stride);
                values.putLong(v);
                range.observe(flip ^ v);
            }
        }
        return end;
    }

    @Override
    Statistics<?> pageStatistics() {
        LongStatistics s = (LongStatistics) Statistics.createStats(type);
        if (range.any()) {
            s.updateStats(range.min() ^ flip);
            s.updateStats(range.max() ^ flip);
        }
        return s;
    }

    @Override
    void resetStatistics() {
        range.reset();
    }
}
