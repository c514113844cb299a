package io.sluice.core.read;

import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * GEOMETRY: MySQL's internal form is a 4-byte little-endian SRID followed by standard WKB. The WKB
 * is written; the SRIDs seen are collected for the file's metadata.
 */
public final class GeometryReader extends ColumnReader<VarBinaryVector> {
    private static final int MAX_TRACKED_SRIDS = 64;
    private final Set<Integer> srids = new TreeSet<>();

    GeometryReader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        if (len < 4) {
            return writeNulledValue(row);
        }
        byte[] b = r.buffer(c);
        int off = r.offset(c);
        if (srids.size() < MAX_TRACKED_SRIDS) {
            srids.add((b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24);
        }
        vector.setSafe(row, b, off + 4, len - 4);
        return len;
    }

    /** The distinct SRIDs of the values read so far. */
    public Set<Integer> srids() {
        return srids;
    }
}
