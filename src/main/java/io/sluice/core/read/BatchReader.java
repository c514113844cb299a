package io.sluice.core.read;

import io.sluice.core.error.CancelledException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Fills Arrow batches from one row source, bounded by rows and by bytes. */
public final class BatchReader {
    private final RowSource rows;
    private final ColumnReader<?>[] readers;
    private final TextRow current;
    private final int maxRows;
    private final long maxBytes;
    private final BooleanSupplier cancelled;
    private int firstRows;
    private FirstRows firstRowsHook;
    /** The bytes of the batch being filled, to bound it. */
    private long batchBytes;

    /** Hears the first rows of the first batch, on the reading thread, while the batch is still filling. */
    @FunctionalInterface
    public interface FirstRows {
        void read(VectorSchemaRoot batch, int rows);
    }

    public BatchReader(RowSource rows, List<ColumnReader<?>> readers, int maxRows, long maxBytes, BooleanSupplier cancelled) {
        this.rows = rows;
        this.readers = readers.toArray(ColumnReader<?>[]::new);
        this.current = new TextRow(this.readers.length);
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.cancelled = cancelled;
        boolean[] unsigned = rows.unsignedColumns();
        if (unsigned != null) {
            for (int c = 0; c < this.readers.length; c++) {
                this.readers[c].unsignedOnWire(unsigned[c]);
            }
        }
    }

    /**
     * Calls {@code hook} once, on the reading thread, as soon as the first batch's vectors hold its
     * first {@code rows} rows, and goes on filling that batch afterwards. The hook gets fewer rows when
     * the source or the batch's byte budget ends sooner, the whole batch when it holds fewer than
     * {@code rows}, and no call when the source is empty. It must not keep the batch: the rows after
     * these are written into it once it returns. The window shows its sample from them: on a cold JVM
     * a full first batch takes about a second to read and write.
     */
    public void onFirstRows(int rows, FirstRows hook) {
        this.firstRows = Math.max(1, rows);
        this.firstRowsHook = hook;
    }

    /**
     * Reads rows into {@code root} (emptied first) until it is full or the rows run out.
     *
     * @return the rows read; 0 means the result set is exhausted
     */
    public int fill(VectorSchemaRoot root) throws SQLException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int i = 0; i < readers.length; i++) {
            FieldVector v = vectors.get(i);
            empty(v);
            readers[i].bind(v);
        }
        batchBytes = 0;
        int row = readRows(0, firstRowsHook == null ? maxRows : Math.min(maxRows, firstRows));
        FirstRows hook = firstRowsHook;
        if (hook != null) {
            firstRowsHook = null;
            if (row > 0) {
                root.setRowCount(row); // the rows so far become readable; filling goes on after them
                hook.read(root, row);
            }
            if (row == firstRows) { // else the source or the batch ended first
                row = readRows(row, maxRows);
            }
        }
        root.setRowCount(row);
        return row;
    }

    /**
     * Reads rows into positions {@code from} onwards until position {@code until}, the byte budget or
     * the source ends.
     *
     * @return the position after the last row read
     */
    private int readRows(int from, int until) throws SQLException {
        int n = readers.length;
        int row = from;
        boolean binary = rows.binary();
        while (row < until && batchBytes < maxBytes && rows.next(current)) {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            if (binary) {
                for (int c = 0; c < n; c++) {
                    batchBytes += readers[c].readBinary(current, c, row);
                }
            } else {
                for (int c = 0; c < n; c++) {
                    batchBytes += readers[c].read(current, c, row);
                }
            }
            row++;
        }
        return row;
    }

    /**
     * Empties a vector for the next batch. Arrow's {@code reset} also zeroes a variable-width vector's
     * data buffer, which nothing reads past the offsets: on the blob table that was 64 MB per batch,
     * half a CPU-second per export.
     */
    static void empty(FieldVector v) {
        if (v instanceof BaseVariableWidthVector vv) {
            vv.getValidityBuffer().setZero(0, vv.getValidityBuffer().capacity());
            vv.getOffsetBuffer().setZero(0, vv.getOffsetBuffer().capacity());
            vv.setValueCount(0); // and lastSet -1
        } else {
            v.reset();
        }
    }

    public List<ColumnReader<?>> readers() {
        return List.of(readers);
    }

    /** What the readers learned for the footer (e.g. SRIDs), known once every row is read. */
    public Map<String, String> footerMetadata() {
        Map<String, String> out = new TreeMap<>();
        for (ColumnReader<?> r : readers) {
            out.putAll(r.footerMetadata());
        }
        return out;
    }
}
