package io.sluice.core.service;

import io.sluice.core.schema.DatabaseInfo;
import io.sluice.core.schema.TableInfo;
import java.util.List;

/** A database and its tables and views, as the catalogue lists them. */
public record DatabaseTables(DatabaseInfo database, List<TableInfo> tables) {
    public DatabaseTables {
        tables = List.copyOf(tables);
    }
}
