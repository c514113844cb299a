package io.sluice.core.export;

import io.sluice.core.error.SluiceException;
import io.sluice.core.mapping.TypeMapper;
import io.sluice.core.mapping.TypeMapping;
import io.sluice.core.read.ColumnReader;
import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.Identifiers;
import io.sluice.core.schema.Source;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.types.MappingTarget;
import io.sluice.core.write.ParquetColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.MessageType;

/** The columns an export writes, each with its mapping, and the one SELECT that streams them. */
public record ExportPlan(Source source, TableSchema schema, List<PlannedColumn> columns) {

    public record PlannedColumn(ColumnInfo column, TypeMapping mapping) {}

    public ExportPlan {
        columns = List.copyOf(columns);
    }

    /** Resolves the requested subset and overrides against the probed table or query. */
    public static ExportPlan resolve(Source source, TableSchema schema, List<String> subset,
                                     Map<String, MappingTarget> overrides) {
        String what = capitalized(source.describe());
        List<ColumnInfo> chosen = new ArrayList<>();
        if (subset.isEmpty()) {
            chosen.addAll(schema.columns());
        } else {
            Set<String> seen = new HashSet<>();
            for (String name : subset) {
                ColumnInfo c = schema.column(name).orElseThrow(() -> new SluiceException(what + " has no column '" + name + "'."));
                if (!seen.add(c.name())) { // 'id,ID' too: one column
                    throw new SluiceException("The column '" + name + "' is listed twice.");
                }
                chosen.add(c);
            }
        }
        Map<String, MappingTarget> targets = new HashMap<>(); // by the column's own name, however it was typed
        for (Map.Entry<String, MappingTarget> o : overrides.entrySet()) {
            ColumnInfo c = schema.column(o.getKey()).orElseThrow(() -> new SluiceException(what + " has no column '" + o.getKey()
                    + "' to map."));
            if (targets.put(c.name(), o.getValue()) != null) { // 'biu' and 'BIU': one column, two mappings
                throw new SluiceException("The column '" + c.name() + "' is mapped twice."); // its own name: the map has no order
            }
        }
        if (chosen.isEmpty()) {
            throw new SluiceException("Choose at least one column to export.");
        }
        List<PlannedColumn> planned = new ArrayList<>();
        for (ColumnInfo c : chosen) {
            MappingTarget target = targets.getOrDefault(c.name(), MappingTarget.DEFAULT);
            try {
                planned.add(new PlannedColumn(c, TypeMapper.map(c, target)));
            } catch (IllegalArgumentException e) {
                throw new SluiceException(e.getMessage(), e);
            }
        }
        return new ExportPlan(source, schema, planned);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public List<String> names() {
        return columns.stream().map(p -> p.column().name()).collect(Collectors.toList());
    }

    /** A fresh reader per column (readers keep per-export counts). */
    public List<ColumnReader<?>> newReaders() {
        return columns.stream().map(p -> p.mapping().newReader(p.column().name())).collect(Collectors.toList());
    }

    public List<ParquetColumn> parquetColumns() {
        return columns.stream().map(p -> p.mapping().parquetColumn(p.column().name())).collect(Collectors.toList());
    }

    public MessageType parquetSchema() {
        return ParquetColumn.schemaOf(parquetColumns());
    }

    public Schema arrowSchema() {
        List<Field> fields = columns.stream().map(p -> p.mapping().field(p.column().name())).collect(Collectors.toList());
        return new Schema(fields);
    }

    /**
     * One streaming statement. The filter is the user's own SQL; it sits on lines of its own so a
     * trailing {@code --} comment cannot swallow the closing parenthesis or the LIMIT.
     *
     * <p>A query runs as written when it can; it becomes a derived table (which keeps its ORDER BY)
     * to choose columns, filter, limit the rows or convert a column (FLOAT's exact value).
     */
    public String selectSql(String where, Long limit) {
        return selectSql(where, limit, null);
    }

    /** As {@link #selectSql(String, Long)}, in the order of {@code orderBy} (a table's column) when given. */
    public String selectSql(String where, Long limit, String orderBy) {
        if (source instanceof Source.Query q && where == null && limit == null && orderBy == null && runsAsWritten()) {
            return q.sql();
        }
        String cols = columns.stream()
                .map(p -> p.mapping().selectExpression(Identifiers.quote(p.column().name())))
                .collect(Collectors.joining(", "));
        String from = source instanceof Source.Query q ? q.asDerivedTable("sluice_query") : ((Source.Table) source).qualifiedName();
        StringBuilder sql = new StringBuilder("SELECT ").append(cols).append(" FROM ").append(from);
        if (where != null) {
            sql.append(" WHERE (\n").append(where).append("\n)");
        }
        if (orderBy != null) {
            sql.append(" ORDER BY ").append(Identifiers.quote(orderBy));
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        return sql.toString();
    }

    /** Every column of the query, in its order, each as the server sends it. */
    private boolean runsAsWritten() {
        if (columns.size() != schema.columns().size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            PlannedColumn p = columns.get(i);
            if (!p.column().name().equals(schema.columns().get(i).name()) || !p.mapping().selectTemplate().equals("%s")) {
                return false;
            }
        }
        return true;
    }
}
