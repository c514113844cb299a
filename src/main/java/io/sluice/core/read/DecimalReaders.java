package io.sluice.core.read;

import io.sluice.core.types.DecimalLayout;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;

/** DECIMAL (and BIGINT UNSIGNED as Decimal(20,0)); precision decides the path ({@link DecimalLayout}). */
final class DecimalReaders {
    private DecimalReaders() {}

    static ColumnReader<?> forPrecision(String column, boolean nullable, int precision) {
        return DecimalLayout.arrowBitWidth(precision) == 128
                ? new Decimal128(column, nullable, DecimalLayout.fitsLong(precision))
                : new Decimal256(column, nullable);
    }

    /** Up to 18 digits without a BigDecimal: the server always sends every fraction digit. */
    static final class Decimal128 extends ColumnReader<DecimalVector> {
        private final boolean fitsLong;

        Decimal128(String column, boolean nullable, boolean fitsLong) {
            super(column, nullable);
            this.fitsLong = fitsLong;
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            if (fitsLong) {
                vector.setSafe(row, ServerText.unscaled(b, off, len));
            } else {
                vector.setSafe(row, new BigDecimal(new String(b, off, len, StandardCharsets.US_ASCII)));
            }
            return 16;
        }

        /** The binary protocol sends a DECIMAL as the same text. */
        @Override
        public boolean readsBinary(int wireType) {
            return wireType == WireTypes.NEWDECIMAL || wireType == WireTypes.DECIMAL;
        }
    }

    static final class Decimal256 extends ColumnReader<Decimal256Vector> {
        Decimal256(String column, boolean nullable) {
            super(column, nullable);
        }

        @Override
        protected int readValue(byte[] b, int off, int len, int row) {
            vector.setSafe(row, new BigDecimal(new String(b, off, len, StandardCharsets.US_ASCII)));
            return 32;
        }

        /** The binary protocol sends a DECIMAL as the same text. */
        @Override
        public boolean readsBinary(int wireType) {
            return wireType == WireTypes.NEWDECIMAL || wireType == WireTypes.DECIMAL;
        }
    }
}
