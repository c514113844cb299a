package io.sluice.core.read;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * GEOMETRY: MySQL's internal form is a 4-byte little-endian SRID followed by standard WKB. The WKB
 * is written; the SRIDs seen go into the file's footer.
 */
public final class GeometryReader extends ColumnReader<VarBinaryVector> {
    /** A footer lists at most this many SRIDs per column: a column of endless SRIDs would grow it without end. */
    public static final int MAX_TRACKED_SRIDS = 64;
    private final Set<Integer> srids = new TreeSet<>();

    GeometryReader(String column, boolean nullable) {
        super(column, nullable);
    }

    @Override
    protected int readValue(byte[] b, int off, int len, int row) {
        if (len < 4) {
            return writeNulledValue(row);
        }
        if (srids.size() < MAX_TRACKED_SRIDS) {
            srids.add((b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24);
        }
        vector.setSafe(row, b, off + 4, len - 4);
        return len;
    }

    /** GEOMETRY travels as the same bytes in both protocols. */
    @Override
    public boolean readsBinary(int wireType) {
        return wireType == WireTypes.GEOMETRY;
    }

    /** The distinct SRIDs of the values read, as {@code sluice.srid.<column>}. */
    @Override
    public Map<String, String> footerMetadata() {
        if (srids.isEmpty()) {
            return Map.of();
        }
        return Map.of("sluice.srid." + column, srids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
