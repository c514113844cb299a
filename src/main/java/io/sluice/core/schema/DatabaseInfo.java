package io.sluice.core.schema;

import java.util.Locale;
import java.util.Set;

/** A database (schema) on the server. */
public record DatabaseInfo(String name) {
    private static final Set<String> SYSTEM = Set.of("information_schema", "performance_schema", "mysql", "sys");

    /** The server's own bookkeeping databases, which analysts rarely export. */
    public boolean system() {
        return SYSTEM.contains(name.toLowerCase(Locale.ROOT));
    }
}
