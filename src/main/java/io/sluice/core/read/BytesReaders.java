package io.sluice.core.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * Values that travel as bytes: text (the connection sends UTF-8, so no String is ever built),
 * binary strings and BINARY(n), which the server pads to n bytes.
 */
final class BytesReaders {
    private BytesReaders() {}

    /** Utf8 and Binary vectors alike. */
    static final class Variable extends ColumnReader<BaseVariableWidthVector> {
        Variable(String column) {
            super(column);
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            vector.setSafe(row, b, 0, b.length);
            return b.length + 4;
        }
    }

    static final class Fixed extends ColumnReader<FixedSizeBinaryVector> {
        Fixed(String column) {
            super(column);
        }

        @Override
        public int read(ResultSet rs, int index, int row) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return writeNull(row);
            }
            vector.setSafe(row, b);
            return b.length;
        }
    }
}
