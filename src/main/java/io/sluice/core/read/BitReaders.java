package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/** BIT(n): the server sends ceil(n/8) big-endian bytes. */
final class BitReaders {
    private BitReaders() {}

    static final class AsInteger extends ColumnReader<BaseIntVector> {
        AsInteger(String column) {
            super(column);
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            vector.setWithPossibleTruncate(row, ServerText.bigEndian(b));
            return 8;
        }
    }

    static final class AsBool extends ColumnReader<BitVector> {
        AsBool(String column) {
            super(column);
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            vector.setSafe(row, ServerText.bigEndian(b) != 0 ? 1 : 0);
            return 1;
        }
    }

    static final class AsFixedBinary extends ColumnReader<FixedSizeBinaryVector> {
        private final int width;

        AsFixedBinary(String column, int width) {
            super(column);
            this.width = width;
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            if (b.length != width) {
                byte[] padded = new byte[width];
                System.arraycopy(b, 0, padded, width - b.length, b.length);
                b = padded;
            }
            vector.setSafe(row, b);
            return width;
        }
    }
}
