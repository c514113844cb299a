package io.sluice.core.schema;

import java.util.List;
import java.util.Optional;

/** A table and its columns, in ordinal order. */
public record TableSchema(TableInfo table, List<ColumnInfo> columns) {
    public TableSchema {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnInfo> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
