package io.sluice.testing;

/**
 * A WHERE condition that keeps every row but makes the server pause at one of them: exports are fast
 * enough to finish before a test can act on them, unless the server holds them up in the middle.
 */
public final class ServerPause {
    private ServerPause() {}

    /** Keeps all rows of a table keyed by {@code id}; sleeps {@code seconds} at row {@code id}. */
    public static String atRow(long id, double seconds) {
        return "id <> " + id + " OR SLEEP(" + seconds + ") = 0";
    }
}
