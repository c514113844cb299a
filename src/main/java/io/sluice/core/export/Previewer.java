package io.sluice.core.export;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.error.ErrorMessages;
import io.sluice.core.error.SluiceException;
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
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The first rows of a table, read and rendered exactly as an export would write them. */
public final class Previewer {
    public static final int MAX_ROWS = 10_000;

    private final ConnectionSpec spec;
    private final BufferAllocator allocator;

    public Previewer(ConnectionSpec spec, BufferAllocator allocator) {
        this.spec = spec;
        this.allocator = allocator;
    }

    public record Preview(ExportPlan plan, List<List<String>> rows) {
        public List<String> header() {
            return plan.columns().stream().map(p -> p.column().name()).collect(Collectors.toList());
        }
    }

    public Preview preview(String database, String table, List<String> columns, Map<String, MappingTarget> overrides,
                           String where, int limit) {
        int n = Math.max(0, Math.min(limit, MAX_ROWS));
        try (Connection conn = Connections.open(spec)) {
            ExportPlan plan = ExportPlan.resolve(new SchemaProbe(conn).table(database, table), columns, overrides);
            List<String> names = plan.columns().stream().map(p -> p.column().name()).collect(Collectors.toList());
            BatchReader reader = new BatchReader(names, plan.columns().stream().map(ExportPlan.PlannedColumn::mapping)
                    .collect(Collectors.toList()), Math.max(1, n), Long.MAX_VALUE, () -> false);
            try (Statement st = conn.createStatement();
                 BufferAllocator mem = allocator.newChildAllocator("preview", 0, allocator.getLimit());
                 VectorSchemaRoot root = VectorSchemaRoot.create(plan.arrowSchema(), mem)) {
                st.execute("SET SESSION TRANSACTION READ ONLY");
                try (ResultSet rs = st.executeQuery(plan.selectSql(where == null || where.isBlank() ? null : where, (long) n))) {
                    int rows = reader.fill(RowSource.of(rs), root);
                    return new Preview(plan, ValueFormatter.rows(root, 0, rows));
                }
            }
        } catch (SluiceException e) {
            throw e;
        } catch (Exception e) {
            throw ErrorMessages.wrap(e, spec);
        }
    }
}
