package io.sluice.core.write;

import org.apache.parquet.column.ColumnWriter;

/** Writes the non-null value at {@code row} of one bound Arrow vector, at definition level {@code def}. */
@FunctionalInterface
interface ValueWriter {
    void write(ColumnWriter out, int row, int def);
}
