package io.sluice.testing;

/**
 * What test classes share when they run two at a time (src/test/resources/junit-platform.properties),
 * named for {@code @ResourceLock}. The classes that set a system property the code reads (the text
 * protocol, the first JVM's start) are {@code @Isolated}: every export reads the first.
 */
public final class SharedResources {
    private SharedResources() {}

    /** The JavaFX toolkit and TestFX's one primary stage: one window test class at a time. */
    public static final String JAVAFX = "javafx";

    /**
     * {@link BigTable}: readers share it (READ); a class that finds its own export's connection among
     * those selecting from it, to kill it, must be alone with it (READ_WRITE), or it could kill another's.
     */
    public static final String BIG_TABLE = "sluice_big.wide";
}
