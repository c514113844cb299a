package io.sluice.cli;

import io.sluice.core.server.DemoDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The window's demo database for the command line: a private MariaDB with the sample shop, until
 * Ctrl-C, so that a first try needs no server of one's own.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the demo database (a private MariaDB on 127.0.0.1 with a sample shop) and keep it running"
                + " until Ctrl-C; it prints the DSN to try the other commands with.",
        footerHeading = "%nExample, in another terminal while it runs:%n",
        footer = {"  probe --dsn mysql://root@127.0.0.1:PORT/sluice_demo --ssl-mode disabled"})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        err.println("Starting the demo database (a private MariaDB on this computer) …");
        err.flush();
        // stopped by its own shutdown hook at Ctrl-C, which also removes its data; this one says so
        // (close() is idempotent and synchronised, so it waits for that hook if that one runs first)
        DemoDatabase demo = root.service().startDemo();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("Stopping the demo database …");
            err.flush();
            demo.close();
            err.println(stopped(demo.dataGone(), demo.dataFolder()));
            err.flush();
        }, "sluice-demo-says-stop"));
        String dsn = demo.spec().dsn().redacted();
        PrintWriter out = spec.commandLine().getOut();
        out.println(dsn);
        out.flush();
        err.println("The demo database runs at " + dsn + " (user root, no password; TLS off, so add --ssl-mode disabled)"
                + " until Ctrl-C. Try, in another terminal, this same command (java -jar sluice.jar, or sluice-cli) with:");
        err.println("  probe --dsn " + dsn + " --ssl-mode disabled");
        err.println("  export --dsn " + dsn + " --ssl-mode disabled --table orders --out orders.parquet");
        err.flush();
        Thread.currentThread().join(); // until Ctrl-C ends the process
        return 0;
    }

    /** What is said once the demo has stopped: that its data is gone only when it is. */
    static String stopped(boolean dataGone, Path folder) {
        return dataGone ? "The demo database has stopped, and its data is gone."
                : "The demo database has stopped, but its data could not all be removed from " + folder
                        + "; the next demo start removes it, or delete that folder.";
    }
}
