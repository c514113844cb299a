package io.sluice.core.write;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveComparator;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * INT32 and INT64 columns of few distinct values, dictionary-encoded: the values are read as
 * {@link PlainInt32Column} and {@link PlainInt64Column} read them, and looked up in an open-addressing
 * table of primitive keys (no boxing).
 */
final class DictionaryLongColumn extends DictionaryColumn {
    /** For INT32: how a value is read; null for INT64. */
    private final PlainInt32Column.Source int32;
    /** Bytes a value in the Arrow data buffer. */
    private final int stride;
    /** Unsigned values compare as signed ones with the sign bit flipped. */
    private final long flip;
    private final KeyRange range = new KeyRange();
    private long[] keys = new long[64];
    /** Per slot of {@link #keys}: the value's id plus one, or 0 for an empty slot. */
    private int[] slots = new int[64];

    DictionaryLongColumn(ColumnDescriptor column, ParquetProperties properties, PlainInt32Column.Source int32, int stride,
                         PageColumn plain) {
        super(column, properties, plain);
        this.int32 = int32;
        this.stride = stride;
        if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT32) {
            PrimitiveComparator<Integer> order = type.comparator();
            this.flip = order.compare(-1, 0) > 0 ? Integer.MIN_VALUE : 0;
        } else {
            PrimitiveComparator<Long> order = type.comparator();
            this.flip = order.compare(-1L, 0L) > 0 ? Long.MIN_VALUE : 0;
        }
    }

    @Override
    int append(FieldVector vector, ArrowBuf validity, int from, int to, int pageBytes) {
        long address = address(vector.getDataBuffer(), (long) from * stride, (long) (to - from) * stride);
        long bits = validity == null ? 0 : validityAddress(validity, from, to);
        for (int row = from; row < to; row++) {
            if (validity == null || bit(bits, row) != 0) {
                long v = int32 != null ? PlainInt32Column.read(int32, stride, address, row) : MemoryUtil.getLong(address + (long) row * stride);
                range.observe(v ^ flip);
                int before = entries;
                addId(idOf(v), int32 != null ? 4 : 8);
                if (entries > before && stopped()) {
                    return row + 1;
                }
            }
        }
        return to;
    }

    private int idOf(long v) {
        int mask = keys.length - 1;
        int i = (int) ((v * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                keys[i] = v;
                slots[i] = ++entries;
                if (int32 != null) {
                    dictionary.ensure(4);
                    dictionary.putInt((int) v);
                } else {
                    dictionary.ensure(8);
                    dictionary.putLong(v);
                }
                if (entries * 2 > keys.length) {
                    grow();
                }
                return entries - 1;
            }
            if (keys[i] == v) {
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldSlots[j] != 0) {
                int i = (int) ((oldKeys[j] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    @Override
    void writePlain(int id, PageBuffer page) {
        byte[] d = dictionary.array();
        int width = int32 != null ? 4 : 8;
        page.ensure(width);
        page.put(d, id * width, width);
    }

    @Override
    void forgetEntries() {
        Arrays.fill(slots, 0);
    }

    @Override
    Statistics<?> pageStatistics() {
        Statistics<?> s = Statistics.createStats(type);
        if (range.any()) {
            if (s instanceof IntStatistics i) {
                i.updateStats((int) (range.min() ^ flip));
                i.updateStats((int) (range.max() ^ flip));
            } else {
                ((LongStatistics) s).updateStats(range.min() ^ flip);
                ((LongStatistics) s).updateStats(range.max() ^ flip);
            }
        }
        return s;
    }

    @Override
    void resetStatistics() {
        range.reset();
    }
}
