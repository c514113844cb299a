package io.sluice.core.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.DecimalVector;

/** DECIMAL(p ≤ 38) and BIGINT UNSIGNED as Decimal(20,0); up to 18 digits without a BigDecimal. */
final class DecimalReader extends ColumnReader<DecimalVector> {
    private final boolean fitsLong;

    DecimalReader(String column, int precision) {
        super(column);
        this.fitsLong = precision <= 18;
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        if (fitsLong) {
            vector.setSafe(row, ServerText.unscaled(r.buffer(c), r.offset(c), len));
        } else {
            vector.setSafe(row, new BigDecimal(new String(r.buffer(c), r.offset(c), len, StandardCharsets.US_ASCII)));
        }
        return 16;
    }
}
