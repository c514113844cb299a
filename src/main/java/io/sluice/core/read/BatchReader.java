package io.sluice.core.read;

import io.sluice.core.error.CancelledException;
import io.sluice.core.types.TypeMapping;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Fills Arrow batches from a result set, bounded by rows and by bytes. */
public final class BatchReader {
    private final List<ColumnReader<?>> readers;
    private final int maxRows;
    private final long maxBytes;
    private final BooleanSupplier cancelled;

    public BatchReader(List<String> names, List<TypeMapping> mappings, int maxRows, long maxBytes, BooleanSupplier cancelled) {
        this.readers = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            readers.add(ColumnReaders.create(names.get(i), mappings.get(i)));
        }
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.cancelled = cancelled;
    }

    /**
     * Reads rows into {@code root} (emptied first) until it is full or the rows run out.
     *
     * @return the rows read; 0 means the result set is exhausted
     */
    public int fill(ResultSet rs, VectorSchemaRoot root) throws SQLException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int i = 0; i < readers.size(); i++) {
            FieldVector v = vectors.get(i);
            v.reset();
            readers.get(i).bind(v);
        }
        int n = readers.size();
        int row = 0;
        long bytes = 0;
        while (row < maxRows && bytes < maxBytes && rs.next()) {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            for (int i = 0; i < n; i++) {
                bytes += readers.get(i).read(rs, i + 1, row);
            }
            row++;
        }
        root.setRowCount(row);
        return row;
    }

    public List<ColumnReader<?>> readers() {
        return readers;
    }
}
