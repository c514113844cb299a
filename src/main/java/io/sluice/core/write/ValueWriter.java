package io.sluice.core.write;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnWriter;

/** Writes the non-null value at {@code row} of one bound Arrow vector, at definition level {@code def}. */
@FunctionalInterface
public interface ValueWriter {
    void write(ColumnWriter out, int row, int def);

    /** Binds a writer to the vector of one batch; a type rule chooses the factory once per column. */
    @FunctionalInterface
    interface Factory {
        ValueWriter bind(FieldVector vector);
    }
}
