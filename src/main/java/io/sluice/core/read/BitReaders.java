package io.sluice.core.read;

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
        public int read(TextRow r, int c, int row) {
            int len = r.length(c);
            if (len == TextRow.NULL) {
                return writeNull(row);
            }
            vector.setWithPossibleTruncate(row, ServerText.bigEndian(r.buffer(c), r.offset(c), len));
            return 8;
        }
    }

    static final class AsBool extends ColumnReader<BitVector> {
        AsBool(String column) {
            super(column);
        }

        @Override
        public int read(TextRow r, int c, int row) {
            int len = r.length(c);
            if (len == TextRow.NULL) {
                return writeNull(row);
            }
            vector.setSafe(row, ServerText.bigEndian(r.buffer(c), r.offset(c), len) != 0 ? 1 : 0);
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
        public int read(TextRow r, int c, int row) {
            int len = r.length(c);
            if (len == TextRow.NULL) {
                return writeNull(row);
            }
            byte[] padded = new byte[width]; // the server drops leading zero bytes
            System.arraycopy(r.buffer(c), r.offset(c), padded, width - Math.min(len, width), Math.min(len, width));
            vector.setSafe(row, padded);
            return width;
        }
    }
}
