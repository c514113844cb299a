package io.sluice.core.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.FloatStatistics;
import org.apache.parquet.column.statistics.Statistics;

/**
 * FLOAT and DOUBLE from Arrow's 4- and 8-byte floats, copied as they lie a run at a time. Each value
 * still passes parquet-java's statistics, which treat NaN and the two zeros in their own way.
 */
final class PlainFloatingColumn extends PageColumn {
    /** 4 (FLOAT) or 8 (DOUBLE). */
    private final int width;
    private Statistics<?> statistics;

    PlainFloatingColumn(ColumnDescriptor column, ParquetProperties properties, int width) {
        super(column, properties);
        this.width = width;
        resetStatistics();
    }

    @Override
    int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes) {
        int end = Math.min(to, from + Math.max(1, (pageBytes - values.size() + width - 1) / width));
        values.ensure((end - from) * width);
        ArrowBuf data = vector.getDataBuffer();
        long address = address(data, (long) from * width, (long) (end - from) * width);
        if (validity == null) {
            values.put(data, (long) from * width, (end - from) * width);
        }
        long bits = validity == null ? 0 : validityAddress(validity, from, end);
        for (int row = from; row < end; row++) {
            if (validity == null) {
                observe(address, row);
            } else if (bit(bits, row) != 0) {
                if (width == 8) {
                    values.putLong(MemoryUtil.getLong(address + row * 8L));
                } else {
                    values.putInt(MemoryUtil.getInt(address + row * 4L));
                }
                observe(address, row);
            }
        }
        return end;
    }

    private void observe(long address, int row) {
        if (width == 8) {
            ((DoubleStatistics) statistics).updateStats(Double.longBitsToDouble(MemoryUtil.getLong(address + row * 8L)));
        } else {
            ((FloatStatistics) statistics).updateStats(Float.intBitsToFloat(MemoryUtil.getInt(address + row * 4L)));
        }
    }

    @Override
    Statistics<?> pageStatistics() {
        return statistics;
    }

    @Override
    void resetStatistics() {
        statistics = Statistics.createStats(type);
    }
}
