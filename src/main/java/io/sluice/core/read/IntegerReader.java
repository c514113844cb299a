package io.sluice.core.read;

import org.apache.arrow.vector.BaseIntVector;

/** Every integer that fits a signed long: TINYINT..BIGINT, unsigned below BIGINT, YEAR. */
final class IntegerReader extends ColumnReader<BaseIntVector> {
    private final int width;

    IntegerReader(String column, int byteWidth) {
        super(column);
        this.width = byteWidth;
    }

    @Override
    public int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return writeNull(row);
        }
        // the Arrow type was chosen to hold the column's range
        vector.setWithPossibleTruncate(row, ServerText.signedLong(r.buffer(c), r.offset(c), len));
        return width;
    }
}
