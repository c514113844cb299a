package io.sluice.core.schema;

/**
 * A table or view.
 *
 * @param rowEstimate the server's estimate (InnoDB's is approximate), or -1 when unknown (views)
 * @param dataBytes data plus index bytes on disk, or -1 when unknown
 */
public record TableInfo(String database, String name, boolean view, long rowEstimate, long dataBytes, String comment) {
    public String qualifiedName() {
        return Identifiers.quote(database) + "." + Identifiers.quote(name);
    }
}
