package io.sluice.core.write;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.Statistics;

/**
 * Strings and binary values of few distinct values, dictionary-encoded. A run's bytes are copied
 * out of the vector once; each value is hashed there and compared, byte for byte, with the entry of
 * the same hash in the dictionary page itself. The page's minimum and maximum are looked for among
 * the entries the page uses, each once.
 */
final class DictionaryBinaryColumn extends DictionaryColumn {
    /** Per slot: an entry's id plus one, or 0 for an empty slot. */
    private int[] slots = new int[64];
    /** Per entry: where its bytes start in the dictionary, how many, and their hash. */
    private int[] entryAt = new int[64];
    private int[] entryLength = new int[64];
    private int[] entryHash = new int[64];
    /** Per entry: the number of the last page that used it, so each is weighed once a page for the minimum and maximum. */
    private int[] usedInPage = new int[64];
    private int page = 1;
    private final SliceRange range;
    private long valueBytes;
    private byte[] stage = new byte[1 << 12];

    DictionaryBinaryColumn(ColumnDescriptor column, ParquetProperties properties, PageColumn plain) {
        super(column, properties, plain);
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
        int first = MemoryUtil.getInt(offsets + from * 4L);
        int length = MemoryUtil.getInt(offsets + to * 4L) - first;
        if (stage.length < length) {
            stage = new byte[Math.max(length, Math.min(PageBuffer.KEEP_AT_MOST, stage.length * 2))];
        } else if (stage.length > PageBuffer.KEEP_AT_MOST && length <= PageBuffer.KEEP_AT_MOST) {
            stage = new byte[Math.max(length, 1 << 12)]; // not kept after a run of huge values
        }
        v.getDataBuffer().getBytes(first, stage, 0, length);
        long bits = validity == null ? 0 : validityAddress(validity, from, to);
        for (int row = from; row < to; row++) {
            if (validity == null || bit(bits, row) != 0) {
                int start = MemoryUtil.getInt(offsets + row * 4L) - first;
                int valueLength = MemoryUtil.getInt(offsets + (row + 1) * 4L) - first - start;
                valueBytes += valueLength;
                int before = entries;
                int id = idOf(stage, start, valueLength);
                addId(id, 4 + valueLength);
                if (usedInPage[id] != page) {
                    usedInPage[id] = page;
                    range.observe(dictionary.array(), entryAt[id], entryLength[id]);
                }
                if (entries > before && stopped()) {
                    return row + 1;
                }
            }
        }
        return to;
    }

    private int idOf(byte[] b, int start, int length) {
        int hash = 1;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + b[i];
        }
        int mask = slots.length - 1;
        int i = mix(hash) & mask;
        byte[] entries = dictionary.array();
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                return add(b, start, length, hash, i);
            }
            int id = slot - 1;
            if (entryHash[id] == hash && entryLength[id] == length
                    && Arrays.equals(entries, entryAt[id], entryAt[id] + length, b, start, start + length)) {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    private int add(byte[] b, int start, int length, int hash, int slot) {
        int id = entries;
        if (id == entryAt.length) {
            int n = id * 2;
            entryAt = Arrays.copyOf(entryAt, n);
            entryLength = Arrays.copyOf(entryLength, n);
            entryHash = Arrays.copyOf(entryHash, n);
            usedInPage = Arrays.copyOf(usedInPage, n);
        }
        dictionary.ensure(4 + length);
        dictionary.putInt(length);
        entryAt[id] = dictionary.size();
        entryLength[id] = length;
        entryHash[id] = hash;
        usedInPage[id] = 0;
        dictionary.put(b, start, length);
        slots[slot] = ++entries;
        if (entries * 2 > slots.length) {
            grow();
        }
        return id;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16) * 0x45d9f3b;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < entries; id++) {
            int i = mix(entryHash[id]) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = id + 1;
        }
    }

    @Override
    Statistics<?> pageStatistics() {
        BinaryStatistics s = (BinaryStatistics) Statistics.createStats(type);
        range.addTo(s, dictionary.array());
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
        page++;
    }

    @Override
    void writePlain(int id, PageBuffer page) {
        page.ensure(4 + entryLength[id]);
        page.putInt(entryLength[id]);
        page.put(dictionary.array(), entryAt[id], entryLength[id]);
    }

    @Override
    void forgetEntries() {
        Arrays.fill(slots, 0);
    }
}
