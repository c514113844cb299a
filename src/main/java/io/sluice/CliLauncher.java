package io.sluice;

import io.sluice.cli.SluiceCli;
import io.sluice.core.ArrowChecks;

/**
 * Entry point of the {@code sluice-cli} launcher of the installed app: always the CLI, so
 * {@code sluice-cli} with no arguments prints usage instead of opening a window.
 */
public final class CliLauncher {
    private CliLauncher() {}

    public static void main(String[] args) {
        ArrowChecks.leaveBoundsToSetSafe();
        Launcher.logToFile();
        Launcher.warmUpFor(args);
        System.exit(SluiceCli.run(args));
    }
}
