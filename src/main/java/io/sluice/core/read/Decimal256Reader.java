package io.sluice.core.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.Decimal256Vector;

/** DECIMAL(39..65). */
final class Decimal256Reader extends ColumnReader<Decimal256Vector> {
    Decimal256Reader(String column) {
        super(column);
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        vector.setSafe(row, new BigDecimal(new String(r.buffer(c), r.offset(c), len, StandardCharsets.US_ASCII)));
        return 32;
    }
}
