package io.sluice.core.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.Decimal256Vector;

/** DECIMAL(39..65). */
final class Decimal256Reader extends ColumnReader<Decimal256Vector> {
    Decimal256Reader(String column) {
        super(column);
    }

    @Override
    public int read(ResultSet rs, int index, int row) throws SQLException {
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return writeNull(row);
        }
        vector.setSafe(row, new BigDecimal(new String(b, StandardCharsets.US_ASCII)));
        return 32;
    }
}
