package io.sluice.cli;

import io.sluice.core.connect.Dsn;
import io.sluice.core.schema.Source;
import io.sluice.core.service.TablePattern;
import io.sluice.core.types.MappingTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which table or query, which rows and columns, and how to map them: shared by preview and export. */
final class TableOptions {
    @Option(names = "--table", paramLabel = "TABLE",
            description = "db.table, or a table of the DSN's database (export also takes several, and globs: shop.*, shop.order*).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--query", paramLabel = "SQL",
            description = "A SELECT to ${COMMAND-NAME} instead of a table (one statement, run read-only).")
    String query;

    @Option(names = "--database", paramLabel = "DB", description = "The database of --table, or the one --query's unqualified names are in.")
    String database;

    @Option(names = "--where", paramLabel = "SQL", description = "A filter, as after WHERE (runs read-only).")
    String where;

    @Option(names = "--columns", paramLabel = "a,b", split = ",", description = "Only these columns, in this order.")
    List<String> columns = List.of();

    @Option(names = "--map", paramLabel = "COL=TYPE",
            description = "Override a mapping (bool, int64, decimal, float64, time64, fixed-binary, utf8).")
    Map<String, String> map = Map.of();

    /** @throws IllegalArgumentException (exit 2) unless exactly one table or one query is given */
    Source source(Dsn dsn) {
        if (tables.size() > 1) {
            throw new IllegalArgumentException("Give one --table here; export takes several.");
        }
        return SourceRef.resolve(tables.isEmpty() ? null : tables.get(0), query, database, dsn);
    }

    /** More than one table, or a glob: an export into a folder. */
    boolean severalTables() {
        return tables.size() > 1 || tables.stream().anyMatch(t -> t.indexOf('*') >= 0 || t.indexOf('?') >= 0);
    }

    /** Each --table as a name or glob in its database. */
    List<TablePattern> patterns(Dsn dsn) {
        if (query != null) {
            throw new IllegalArgumentException("Give exactly one of --table and --query.");
        }
        List<TablePattern> out = new ArrayList<>();
        for (String t : tables) {
            Source.Table s = (Source.Table) SourceRef.resolve(t, null, database, dsn);
            out.add(new TablePattern(s.database(), s.name()));
        }
        return out;
    }

    Map<String, MappingTarget> overrides() {
        Map<String, MappingTarget> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, MappingTarget.parse(v)));
        return out;
    }
}
