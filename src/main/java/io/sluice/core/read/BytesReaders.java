package io.sluice.core.read;

import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * Values that travel as bytes: text (the connection sends UTF-8, so no String is ever built),
 * binary strings and BINARY(n), which the server pads to n bytes. Copied once, from the driver's
 * row buffer into the vector.
 */
final class BytesReaders {
    private BytesReaders() {}

    /** Utf8 and Binary vectors alike. */
    static final class Variable extends ColumnReader<BaseVariableWidthVector> {
        Variable(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            vector.setSafe(row, b, off, len);
            return len + 4;
        }

        @Override
        public boolean readsBinary(int wireType) {
            return WireTypes.isSameBytesAsText(wireType);
        }
    }

    static final class Fixed extends ColumnReader<FixedSizeBinaryVector> {
        Fixed(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            int width = vector.getByteWidth();
            if (len != width) {
                throw new IllegalStateException("column '" + column + "' sent " + len + " bytes for BINARY(" + width + ")");
            }
            while (row >= vector.getValueCapacity()) {
                vector.reAlloc();
            }
            vector.setIndexDefined(row);
            vector.getDataBuffer().setBytes((long) row * width, b, off, width);
            return width;
        }

        @Override
        public boolean readsBinary(int wireType) {
            return WireTypes.isSameBytesAsText(wireType);
        }
    }
}
