package io.sluice.core;

/**
 * Turns off Arrow's second check of every value's bounds, for the processes Sluice starts itself.
 * The readers store each value with a vector's {@code setSafe}, which compares the row with the
 * vector's capacity and grows it first; the {@code ArrowBuf} under it then checked the same bounds
 * again, and its reference count, on every store: about 40 ms of the reading thread's CPU per million
 * rows of table (d), and more C1 and C2 work to compile it (docs/benchmarks.md, fourteenth pass).
 * Arrow reads the setting once, when its {@code BoundsChecking} class is first used, so this runs
 * first thing in {@code main}. Tests do not call it and keep Arrow's checks, so that a reader that
 * stored past a vector's end would fail there with an exception rather than pass.
 */
public final class ArrowChecks {
    static final String PROPERTY = "arrow.enable_unsafe_memory_access";
    /** The property's old name, which Arrow still reads. */
    static final String OLD_PROPERTY = "drill.enable_unsafe_memory_access";
    static final String VARIABLE = "ARROW_ENABLE_UNSAFE_MEMORY_ACCESS";

    private ArrowChecks() {}

    /** Leaves the bounds to {@code setSafe}, unless the user has chosen either way with Arrow's own setting. */
    public static void leaveBoundsToSetSafe() {
        if (userLeftItOpen(System.getProperty(PROPERTY), System.getProperty(OLD_PROPERTY), System.getenv(VARIABLE))) {
            System.setProperty(PROPERTY, "true");
        }
    }

    static boolean userLeftItOpen(String property, String oldProperty, String variable) {
        return property == null && oldProperty == null && variable == null;
    }
}
