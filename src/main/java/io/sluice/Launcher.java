package io.sluice;

import io.sluice.cli.CommandWord;
import io.sluice.cli.SluiceCli;
import io.sluice.core.AppPaths;
import io.sluice.core.ArrowChecks;
import io.sluice.core.Warmup;
import java.io.IOException;
import java.nio.file.Files;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The one entry point. No arguments: the window. A sub-command: the CLI. Not an
 * {@code Application} subclass, so the JavaFX runtime is not needed on the module path to start.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        ArrowChecks.leaveBoundsToSetSafe();
        logToFile();
        if (args.length == 0 || reachesTheDatabase(args)) {
            // java -jar: on a JVM with a class archive and, for a command, the installed launcher's options
            OptionalInt tuned = TunedJvm.run(args);
            if (tuned.isPresent()) {
                System.exit(tuned.getAsInt());
            }
        }
        TunedJvm.endWithTheFirstJvm();
        if (args.length == 0) {
            openWindow(args);
            TunedJvm.recordIfAsked(); // the window closed normally
            return;
        }
        warmUpFor(args);
        int code = SluiceCli.run(args);
        if (code == 0) {
            TunedJvm.recordIfAsked();
        }
        System.exit(code);
    }

    /** Commands that reach the database get the engine's warm-up; --version, --help and typos do not. */
    static void warmUpFor(String[] args) {
        if (reachesTheDatabase(args)) {
            Warmup.startInBackground();
        }
    }

    static boolean reachesTheDatabase(String[] args) {
        return Set.of("export", "preview", "probe", "run").contains(CommandWord.of(args));
    }

    /**
     * The window; on Linux without GTK 3 or without a display, one sentence saying what to do instead
     * of a stack trace.
     */
    static void openWindow(String[] args) {
        try {
            io.sluice.ui.App.launchWindow(args);
        } catch (RuntimeException | LinkageError e) {
            if (says(e, "GTK")) {
                System.err.println("The window needs GTK 3, which is not installed: run 'sudo apt-get install libgtk-3-0'"
                        + " (Debian/Ubuntu) and start Sluice again; the CLI works without it.");
                System.exit(1);
            }
            if (says(e, "DISPLAY")) {
                String display = System.getenv("DISPLAY");
                System.err.println("The window needs a display, and none could be opened ("
                        + (display == null ? "DISPLAY is not set" : "DISPLAY is '" + display + "'")
                        + "): start Sluice on the desktop; the CLI works without one (--help lists its commands).");
                System.exit(1);
            }
            throw e;
        }
    }

    private static boolean says(Throwable e, String word) {
        return String.valueOf(e.getMessage()).contains(word)
                || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains(word));
    }

    /** Users see one sentence; the details (never a secret) go to the log file. Must run before any logger exists. */
    static void logToFile() {
        System.setProperty("sluice.pid", Long.toString(ProcessHandle.current().pid())); // tells processes apart in one log
        // The warm-up thread sets logging up while the main thread may already log: SLF4J keeps those
        // calls and replays them into the log once it is ready, and would say so on stderr, where the
        // user reads one sentence. Its own errors still show.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (System.getProperty("sluice.log.file") != null) {
            return;
        }
        try {
            Files.createDirectories(AppPaths.home());
            System.setProperty("sluice.log.file", AppPaths.logFile().toString());
        } catch (IOException | SecurityException e) {
            System.setProperty("sluice.log.level", "OFF"); // nowhere to write: say nothing rather than fail
        }
    }
}
