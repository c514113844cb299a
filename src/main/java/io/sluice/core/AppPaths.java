package io.sluice.core;

import java.nio.file.Path;

/**
 * Where Sluice keeps its own files (recent connections, the log, the demo database): the system
 * property {@code sluice.home}, else {@code $SLUICE_HOME}, else {@code ~/.sluice}.
 */
public final class AppPaths {
    private AppPaths() {}

    public static Path home() {
        String prop = System.getProperty("sluice.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("SLUICE_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".sluice");
    }

    public static Path logFile() {
        return home().resolve("sluice.log");
    }
}
