package io.sluice.core.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private fields of Connector/J's classes that the fast row readers use, looked up once. A driver
 * version without them yields null, and the reader that needs them steps aside for a slower one.
 * Callers keep each handle in a static final field: only a constant handle is compiled to a plain
 * field access.
 */
final class DriverFields {
    private static final Logger log = LoggerFactory.getLogger(DriverFields.class);

    private DriverFields() {
    }

    /**
     * Handles on {@code owner}'s fields, given as name and type pairs, or null if any is missing.
     *
     * @param instead what is done without them, for the log
     */
    static VarHandle[] find(Class<?> owner, String instead, Object... namesAndTypes) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            VarHandle[] handles = new VarHandle[namesAndTypes.length / 2];
            for (int i = 0; i < handles.length; i++) {
                handles[i] = lookup.findVarHandle(owner, (String) namesAndTypes[2 * i], (Class<?>) namesAndTypes[2 * i + 1]);
            }
            return handles;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.debug("Connector/J's {} fields are not reachable; {}", owner.getSimpleName(), instead, e);
            return null;
        }
    }

    /** Handle {@code i} of {@link #find}'s result, or null when there is none. */
    static VarHandle at(VarHandle[] handles, int i) {
        return handles == null ? null : handles[i];
    }
}
