package io.sluice.core.export;

import io.sluice.core.error.CancelledException;
import io.sluice.core.read.BatchReader;
import io.sluice.core.read.RowSource;
import io.sluice.core.read.ValueFormatter;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.Source;
import io.sluice.core.types.MappingTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The first rows of a table, read and rendered exactly as an export would write them. */
public final class Previewer {
    private final BufferAllocator allocator;

    public Previewer(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    public record Preview(ExportPlan plan, List<List<String>> rows) {
        public List<String> header() {
            return plan.names();
        }

        /** Each column's Arrow type as users read it, in header order. */
        public List<String> arrowTypes() {
            return plan.columns().stream().map(p -> p.mapping().arrowDisplay()).toList();
        }
    }

    /** At most {@link Limits#MAX_PREVIEW_ROWS} rows, over a connection the service opened. */
    public Preview preview(Connection conn, Source source, List<String> columns, Map<String, MappingTarget> overrides,
                           String where, int limit, CancelToken cancel) throws Exception {
        int n = Limits.previewRows(limit);
        ExportPlan plan = ExportPlan.resolve(source, new SchemaProbe(conn).describe(source), columns, overrides);
        try (Statement st = conn.createStatement();
             BufferAllocator mem = allocator.newChildAllocator("preview", 0, allocator.getLimit());
             VectorSchemaRoot root = VectorSchemaRoot.create(plan.arrowSchema(), mem)) {
            ResultSet rs;
            try (AutoCloseable killer = cancel.onCancel(() -> QueryStop.stopExecuting(st))) {
                rs = st.executeQuery(plan.selectSql(where == null || where.isBlank() ? null : where, (long) n));
            } catch (SQLException e) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                throw e;
            }
            BatchReader reader = new BatchReader(RowSource.of(rs), plan.newReaders(), Math.max(1, n), Long.MAX_VALUE, () -> false);
            int rows = n == 0 ? 0 : reader.fill(root);
            rs.close();
            return new Preview(plan, ValueFormatter.rows(root, 0, rows));
        }
    }
}
