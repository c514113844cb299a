package io.sluice.core.service;

import io.sluice.core.schema.TableInfo;
import java.util.List;

/** A table as inspected: what it is, and each column with its mapping, overrides and PII flag. */
public record TableDetails(TableInfo table, List<ColumnDetails> columns) {
    public TableDetails {
        columns = List.copyOf(columns);
    }
}
