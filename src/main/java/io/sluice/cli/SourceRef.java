package io.sluice.cli;

import io.sluice.core.connect.Dsn;
import io.sluice.core.schema.Source;

/** {@code --table t} with the DSN's database, {@code --table db.t} when the DSN names none, or {@code --query SQL}. */
final class SourceRef {
    private SourceRef() {}

    static Source resolve(String table, String query, String database, Dsn dsn) {
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("Give exactly one of --table and --query.");
        }
        String db = database != null && !database.isEmpty() ? database : dsn.database();
        if (query != null) {
            return Source.query(query, db);
        }
        if (!db.isEmpty()) {
            return Source.table(db, table);
        }
        int dot = table.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("Name the database: --table db.table, --database db, or a DSN ending in /db.");
        }
        return Source.table(table.substring(0, dot), table.substring(dot + 1));
    }
}
