package io.sluice.core.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Decides from the first batch which columns are worth dictionary encoding. parquet-java tries a
 * dictionary for every column and gives up only when it has grown past the dictionary page size, so
 * a column of unique values (keys, timestamps, free text) is hashed twice and re-encoded for nothing;
 * the profile showed that as a quarter of the writer's time. Columns whose first batch is mostly
 * distinct are written plain; the rest are dictionary-encoded ({@link DictionaryColumn}, or
 * parquet-java for the few types Sluice leaves to it), each with its fallback to plain.
 */
final class DictionaryChoice {
    /** Fewer values than this tell too little; such columns keep the dictionary. */
    static final int MIN_VALUES = 1_000;
    /** Distinct share above which a dictionary cannot pay off. */
    static final double MOSTLY_DISTINCT = 0.75;
    /** Values this long on average (documents, blobs) are written plain whatever their count. */
    static final long LARGE_VALUE_BYTES = 1_024;
    /**
     * Rows looked at: the batch's first ones, as if the first batch were this long. Hashing every row
     * of a wide first batch cost 0.15 s (the profile); rows spread over the batch would overstate how
     * distinct a sorted or clustered column is.
     */
    static final int MAX_SAMPLED_ROWS = 8_192;

    private DictionaryChoice() {}

    /** The names of the columns to write without a dictionary. */
    static List<String> plainColumns(VectorSchemaRoot firstBatch) {
        List<String> plain = new ArrayList<>();
        for (FieldVector v : firstBatch.getFieldVectors()) {
            if (!(v instanceof BitVector) && (largeValues(v, firstBatch.getRowCount()) || mostlyDistinct(v, firstBatch.getRowCount()))) {
                plain.add(v.getName());
            }
        }
        return plain;
    }

    /**
     * parquet-java counts a dictionary page's entries, not their bytes, in the page size, so a
     * dictionary of blobs is only noticed at the row group's end, all of it on the heap.
     */
    static boolean largeValues(FieldVector v, int rows) {
        if (!(v instanceof BaseVariableWidthVector vv) || rows == 0) {
            return false;
        }
        long bytes = vv.getOffsetBuffer().getInt((long) rows * 4) - vv.getOffsetBuffer().getInt(0);
        return bytes / rows >= LARGE_VALUE_BYTES;
    }

    static boolean mostlyDistinct(FieldVector v, int rows) {
        Set<Long> seen = new HashSet<>();
        int values = 0;
        int sampled = Math.min(rows, MAX_SAMPLED_ROWS);
        for (int row = 0; row < sampled; row++) {
            if (!v.isNull(row)) {
                values++;
                seen.add(hash(v, row));
            }
        }
        return values >= MIN_VALUES && seen.size() > MOSTLY_DISTINCT * values;
    }

    private static long hash(FieldVector v, int row) {
        if (v instanceof BaseVariableWidthVector vv) {
            ArrowBuf offsets = vv.getOffsetBuffer();
            long start = offsets.getInt(row * 4L);
            long end = offsets.getInt((row + 1) * 4L);
            return bytesHash(vv.getDataBuffer(), start, end);
        }
        if (v instanceof BaseFixedWidthVector fv) {
            long width = fv.getTypeWidth();
            return bytesHash(fv.getDataBuffer(), row * width, (row + 1) * width);
        }
        return v.hashCode(row);
    }

    /** 64-bit FNV-1a: collisions among a batch's values are too rare to sway a share. */
    private static long bytesHash(ArrowBuf buf, long start, long end) {
        long h = 0xcbf29ce484222325L;
        for (long i = start; i < end; i++) {
            h = (h ^ (buf.getByte(i) & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
