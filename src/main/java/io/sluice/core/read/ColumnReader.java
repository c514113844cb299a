package io.sluice.core.read;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads one column of the current row into an Arrow vector. One small subclass per type family;
 * {@link ColumnReaders} picks it from the mapping.
 */
public abstract class ColumnReader<V extends FieldVector> {
    protected final String column;
    protected final ColumnStats stats;
    protected V vector;

    protected ColumnReader(String column) {
        this.column = column;
        this.stats = new ColumnStats(column);
    }

    /** Points the reader at the vector of the batch being filled. */
    @SuppressWarnings("unchecked")
    public final void bind(FieldVector v) {
        this.vector = (V) v;
    }

    /**
     * Parses column {@code c} (0-based) of the current row into vector position {@code row}.
     *
     * @return the bytes the value adds to the batch, to bound batches by size
     */
    public abstract int read(TextRow r, int c, int row);

    public ColumnStats stats() {
        return stats;
    }

    protected final int writeNull(int row) {
        vector.setNull(row);
        stats.countNull();
        return 1;
    }

    protected final int writeNulledValue(int row) {
        vector.setNull(row);
        stats.countNulledValue();
        return 1;
    }
}
