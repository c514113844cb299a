package io.sluice.cli;

import io.sluice.core.connect.Dsn;
import io.sluice.core.schema.Source;

/**
 * {@code --table db.t}, or {@code --table t} in {@code --database} or the DSN's database, or
 * {@code --query SQL}. A table whose own name holds a dot is given with {@code --database db --table a.b}.
 */
final class SourceRef {
    private SourceRef() {}

    static Source resolve(String table, String query, String database, Dsn dsn) {
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("Give exactly one of --table and --query.");
        }
        boolean explicit = database != null && !database.isEmpty();
        String db = explicit ? database : dsn.database();
        if (query != null) {
            return Source.query(query, db);
        }
        int dot = table.indexOf('.');
        if (!explicit && dot > 0) {
            return Source.table(table.substring(0, dot), table.substring(dot + 1));
        }
        if (db.isEmpty()) {
            throw new IllegalArgumentException("Name the database: --table db.table, --database db, or a DSN ending in /db.");
        }
        return Source.table(db, table);
    }
}
