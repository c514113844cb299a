package io.sluice.core.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * INT32 from an Arrow vector of 1, 2 or 4 bytes a value, or from the low 4 bytes of a decimal's (as
 * {@link ValueWriters#decimal} does). Four-byte values are copied as they lie, a run at a time.
 */
final class PlainInt32Column extends PageColumn {
    /** How a value is read from the Arrow data buffer. */
    enum Source { INT8, UINT8, INT16, UINT16, INT32, LOW_INT32_OF_WIDER }

    private final Source source;
    /** Bytes a value in the Arrow data buffer: 1, 2, 4, or a decimal's 16. */
    private final int stride;
    /** Unsigned values compare as signed ones with the sign bit flipped. */
    private final int flip;
    private final KeyRange range = new KeyRange();

    PlainInt32Column(ColumnDescriptor column, ParquetProperties properties, Source source, int stride) {
        super(column, properties);
        this.source = source;
        this.stride = stride;
        PrimitiveComparator<Integer> order = type.comparator();
        this.flip = order.compare(-1, 0) > 0 ? Integer.MIN_VALUE : 0; // the column's order: UINT_32 and smaller compare unsigned
    }

    Source source() {
        return source;
    }

    int stride() {
        return stride;
    }

    @Override
    int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes) {
        int end = Math.min(to, from + Math.max(1, (pageBytes - values.size() + 3) / 4));
        values.ensure((end - from) * 4);
        ArrowBuf data = vector.getDataBuffer();
        long address = address(data, (long) from * stride, (long) (end - from) * stride);
        if (validity == null && source == Source.INT32) {
            values.put(data, from * 4L, (end - from) * 4);
            for (int row = from; row < end; row++) {
                range.observe(flip ^ MemoryUtil.getInt(address + row * 4L));
            }
            return end;
        }
        long bits = validity == null ? 0 : validityAddress(validity, from, end);
        for (int row = from; row < end; row++) {
            if (validity == null || bit(bits, row) != 0) {
                int v = read(address, row);
                values.putInt(v);
                range.observe(flip ^ v);
            }
        }
        return end;
    }

    private int read(long address, int row) {
        return read(source, stride, address, row);
    }

    /** Row {@code row}'s value as an int, from an Arrow data buffer at {@code address}. */
    static int read(Source source, int stride, long address, int row) {
        return switch (source) {
            case INT8 -> MemoryUtil.getByte(address + row);
            case UINT8 -> MemoryUtil.getByte(address + row) & 0xFF;
            case INT16 -> MemoryUtil.getShort(address + row * 2L);
            case UINT16 -> MemoryUtil.getShort(address + row * 2L) & 0xFFFF;
            case INT32 -> MemoryUtil.getInt(address + row * 4L);
            case LOW_INT32_OF_WIDER -> MemoryUtil.getInt(address + (long) row * stride);
        };
    }

    @Override
    Statistics<?> pageStatistics() {
        IntStatistics s = (IntStatistics) Statistics.createStats(type);
        if (range.any()) {
            s.updateStats((int) (range.min() ^ flip));
            s.updateStats((int) (range.max() ^ flip));
        }
        return s;
    }

    @Override
    void resetStatistics() {
        range.reset();
    }
}
