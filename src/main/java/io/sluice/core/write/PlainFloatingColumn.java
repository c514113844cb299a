package io.sluice.core.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
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
final class PlainFloatingColumn extends PlainColumn {
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
        if (validity == null) {
            values.put(data, (long) from * width, (end - from) * width);
        }
        for (int row = from; row < end; row++) {
            if (validity == null) {
                observe(data, row);
            } else if (BitVectorHelper.get(validity, row) != 0) {
                if (width == 8) {
                    values.putLong(data.getLong(row * 8L));
                } else {
                    values.putInt(data.getInt(row * 4L));
                }
                observe(data, row);
            }
        }
        return end;
    }

    private void observe(ArrowBuf data, int row) {
        if (width == 8) {
            ((DoubleStatistics) statistics).updateStats(data.getDouble(row * 8L));
        } else {
            ((FloatStatistics) statistics).updateStats(data.getFloat(row * 4L));
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
