package io.sluice.cli;

import io.sluice.core.connect.Dsn;

/** {@code --table t} with the DSN's database, or {@code --table db.t} when the DSN names none. */
record TableRef(String database, String table) {
    static TableRef resolve(String table, String database, Dsn dsn) {
        if (database != null && !database.isEmpty()) {
            return new TableRef(database, table);
        }
        if (!dsn.database().isEmpty()) {
            return new TableRef(dsn.database(), table);
        }
        int dot = table.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("Name the database: --table db.table, --database db, or a DSN ending in /db.");
        }
        return new TableRef(table.substring(0, dot), table.substring(dot + 1));
    }
}
