package io.sluice.core.read;

import io.sluice.core.error.SluiceException;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads one column of the current row into an Arrow vector. One small subclass per type family
 * parses a present value ({@link #readValue}); NULL is handled here, once for every type. Whether
 * the column may hold NULL is fixed when the reader is built (as Arrow's JDBC adapter picks its
 * nullable or non-nullable consumer once): a NULL where the schema promised none stops the export
 * with a sentence instead of writing a file that breaks its own schema.
 */
public abstract class ColumnReader<V extends FieldVector> {
    protected final String column;
    private final boolean nullable;
    private final ColumnStats stats;
    protected V vector;

    protected ColumnReader(String column, boolean nullable) {
        this.column = column;
        this.nullable = nullable;
        this.stats = new ColumnStats();
    }

    /** Points the reader at the vector of the batch being filled. */
    @SuppressWarnings("unchecked")
    public final void bind(FieldVector v) {
        this.vector = (V) v;
        bound();
    }

    /** Called by {@link #bind}, once a batch: a reader may look at its vector's class here rather than per value. */
    protected void bound() {
        // most readers know their vector's class from their type parameter
    }

    /**
     * Parses column {@code c} (0-based) of the current row into vector position {@code row}.
     *
     * @return the bytes the value adds to the batch, to bound batches by size
     */
    public final int read(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return readNull(row);
        }
        return readValue(r.buffer(c), r.offset(c), len, row);
    }

    /** Parses a present value: {@code len} bytes of {@code b} from {@code off}. */
    protected abstract int readValue(byte[] b, int off, int len, int row);

    /**
     * As {@link #read}, for a row of the binary protocol ({@link BinaryRowPacket}): numbers and dates
     * come as fixed-width little-endian fields, everything else as the same bytes as in text.
     */
    public final int readBinary(TextRow r, int c, int row) {
        int len = r.length(c);
        if (len == TextRow.NULL) {
            return readNull(row);
        }
        return readBinaryValue(r.buffer(c), r.offset(c), len, row);
    }

    /**
     * Whether this reader can take the binary protocol's form of a column the server types as
     * {@code wireType} (a protocol type id, {@link WireTypes}). Asked before the query runs, from the
     * prepared statement's columns: the export uses the binary protocol only if every reader says yes.
     */
    public boolean readsBinary(int wireType) {
        return false;
    }

    /**
     * The binary protocol's value, {@code len} bytes of {@code b} from {@code off}; called only for a
     * wire type {@link #readsBinary} accepted, with {@code unsignedOnWire} set for the column. By
     * default the bytes are those of the text protocol (strings, DECIMAL, BIT, GEOMETRY).
     */
    protected int readBinaryValue(byte[] b, int off, int len, int row) {
        return readValue(b, off, len, row);
    }

    /** Whether the column's integers are unsigned on the wire (the binary protocol's fixed-width integers). */
    protected boolean unsignedOnWire;

    /** Set once, before the first binary row. */
    final void unsignedOnWire(boolean unsigned) {
        this.unsignedOnWire = unsigned;
    }

    /** Metadata this reader learned while reading, for the file's footer (e.g. the SRIDs seen). */
    public Map<String, String> footerMetadata() {
        return Map.of();
    }

    public final ColumnStats stats() {
        return stats;
    }

    /** A value the mapping cannot hold (a zero date …): written as NULL and counted. */
    protected final int writeNulledValue(int row) {
        if (!nullable) {
            throw new SluiceException("Column '" + column + "' is declared NOT NULL, but holds a value Sluice can only"
                    + " write as NULL; map it to utf8 to keep it as text.");
        }
        vector.setNull(row);
        stats.countNulledValue();
        return 1;
    }

    private int readNull(int row) {
        if (!nullable) {
            throw new SluiceException("Column '" + column + "' is declared NOT NULL, but the server sent a NULL for it.");
        }
        vector.setNull(row);
        stats.countNull();
        return 1;
    }
}
