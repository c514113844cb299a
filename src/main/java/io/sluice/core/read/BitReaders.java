package io.sluice.core.read;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/** BIT(n): the server sends ceil(n/8) big-endian bytes. */
final class BitReaders {
    private BitReaders() {}

    static final class AsInteger extends ColumnReader<BaseIntVector> {
        AsInteger(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            vector.setWithPossibleTruncate(row, ServerText.bigEndian(b, off, len));
            return 8;
        }

        /** BIT travels as the same big-endian bytes in both protocols. */
        @Override
        public boolean readsBinary(int wireType) {
            return wireType == WireTypes.BIT;
        }
    }

    static final class AsBool extends ColumnReader<BitVector> {
        AsBool(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            vector.setSafe(row, ServerText.bigEndian(b, off, len) != 0 ? 1 : 0);
            return 1;
        }

        /** BIT travels as the same big-endian bytes in both protocols. */
        @Override
        public boolean readsBinary(int wireType) {
            return wireType == WireTypes.BIT;
        }
    }

    static final class AsFixedBinary extends ColumnReader<FixedSizeBinaryVector> {
        private final int width;

        AsFixedBinary(String column, boolean nullable, int width) {
            super(column, nullable);
            this.width = width;
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            byte[] padded = new byte[width]; // the server drops leading zero bytes
            System.arraycopy(b, off, padded, width - Math.min(len, width), Math.min(len, width));
            vector.setSafe(row, padded);
            return width;
        }

        /** BIT travels as the same big-endian bytes in both protocols. */
        @Override
        public boolean readsBinary(int wireType) {
            return wireType == WireTypes.BIT;
        }
    }
}
