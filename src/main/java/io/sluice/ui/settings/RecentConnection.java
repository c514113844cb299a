package io.sluice.ui.settings;

import io.sluice.core.connect.TlsMode;

/** What is remembered of a connection: never the password. */
public record RecentConnection(String dsn, TlsMode tlsMode, String caFile, String database, String table) {
    @Override
    public String toString() {
        return dsn + (table.isEmpty() ? "" : "  ·  " + database + "." + table);
    }
}
