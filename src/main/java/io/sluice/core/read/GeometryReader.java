package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
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
    public int read(ResultSet rs, int index, int row) throws SQLException {
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return writeNull(row);
        }
        if (b.length < 4) {
            return writeNulledValue(row);
        }
        if (srids.size() < MAX_TRACKED_SRIDS) {
            srids.add((b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24);
        }
        vector.setSafe(row, b, 4, b.length - 4);
        return b.length;
    }

    /** The distinct SRIDs of the values read so far. */
    public Set<Integer> srids() {
        return srids;
    }
}
