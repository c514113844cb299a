package io.sluice.core.schema;

/** Quoting of identifiers: backticks, with embedded backticks doubled, so any name just works. */
public final class Identifiers {
    private Identifiers() {}

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
