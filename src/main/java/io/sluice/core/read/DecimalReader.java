package io.sluice.core.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;

/** DECIMAL(p ≤ 38) and BIGINT UNSIGNED as Decimal(20,0); up to 18 digits without a BigDecimal. */
final class DecimalReader extends ColumnReader<DecimalVector> {
    private final boolean fitsLong;

    DecimalReader(String column, int precision) {
        super(column);
        this.fitsLong = precision <= 18;
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return writeNull(row);
        }
        if (fitsLong) {
            vector.setSafe(row, ServerText.unscaled(b));
        } else {
            vector.setSafe(row, new BigDecimal(new String(b, StandardCharsets.US_ASCII)));
        }
        return 16;
    }
}
