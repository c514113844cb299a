package io.sluice;

import io.sluice.cli.SluiceCli;
import io.sluice.core.AppPaths;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The one entry point. No arguments: the window. A sub-command: the CLI. Not an
 * {@code Application} subclass, so the JavaFX runtime is not needed on the module path to start.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        logToFile();
        if (args.length == 0) {
            io.sluice.ui.App.launchWindow(args);
            return;
        }
        System.exit(SluiceCli.run(args));
    }

    /** Users see one sentence; the details (never a secret) go to the log file. Must run before any logger exists. */
    static void logToFile() {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return;
        }
        try {
            Files.createDirectories(AppPaths.home());
            System.setProperty("org.slf4j.simpleLogger.logFile", AppPaths.logFile().toString());
        } catch (IOException | SecurityException e) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }
}
