package io.sluice.core.schema;

import java.util.List;
import java.util.Optional;

/** A table and its columns, in ordinal order. */
public record TableSchema(TableInfo table, List<ColumnInfo> columns) {
    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** The column of that name; as the server, ignoring case when no column has it exactly (column names are case-insensitive). */
    public Optional<ColumnInfo> column(String name) {
        Optional<ColumnInfo> exact = columns.stream().filter(c -> c.name().equals(name)).findFirst();
        return exact.isPresent() ? exact : columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
