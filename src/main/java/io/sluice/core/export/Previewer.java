package io.sluice.core.export;

import io.sluice.core.read.BatchReader;
import io.sluice.core.read.RowSource;
import io.sluice.core.read.ValueFormatter;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.types.MappingTarget;
import java.sql.Connection;
import java.sql.ResultSet;
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
    }

    /** At most {@link Limits#MAX_PREVIEW_ROWS} rows, over a connection the service opened. */
    public Preview preview(Connection conn, String database, String table, List<String> columns,
                           Map<String, MappingTarget> overrides, String where, int limit) throws Exception {
        int n = Limits.previewRows(limit);
        ExportPlan plan = ExportPlan.resolve(new SchemaProbe(conn).table(database, table), columns, overrides);
        try (Statement st = conn.createStatement();
             BufferAllocator mem = allocator.newChildAllocator("preview", 0, allocator.getLimit());
             VectorSchemaRoot root = VectorSchemaRoot.create(plan.arrowSchema(), mem);
             ResultSet rs = st.executeQuery(plan.selectSql(where == null || where.isBlank() ? null : where, (long) n))) {
            BatchReader reader = new BatchReader(RowSource.of(rs), plan.newReaders(), Math.max(1, n), Long.MAX_VALUE, () -> false);
            int rows = reader.fill(root);
            return new Preview(plan, ValueFormatter.rows(root, 0, rows));
        }
    }
}
