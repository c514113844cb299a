package io.sluice.core.service;

import io.sluice.core.schema.Source;
import java.util.List;

/** What one name or glob stands for: its tables, or the sentence saying it matched none. */
public record TableMatch(TablePattern pattern, List<Source.Table> tables, String failure) {
    public TableMatch {
        tables = List.copyOf(tables);
    }
}
