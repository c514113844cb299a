package io.sluice.core.server;

import io.sluice.core.AppPaths;
import io.sluice.core.AtomicFiles;
import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.TlsMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * The app's demo: a private MariaDB (the test harness's mechanism) with the sample shop from
 * {@code resources/demo/}, on 127.0.0.1 only, gone when the app closes.
 */
public final class DemoDatabase implements AutoCloseable {
    public static final String DATABASE = "sluice_demo";
    private final PrivateMariaDb server;
    private final ConnectionSpec spec;

    private DemoDatabase(PrivateMariaDb server) {
        this.server = server;
        this.spec = ConnectionSpec.builder(new Dsn("mysql", "root", server.host(), server.port(), DATABASE))
                .tlsMode(TlsMode.DISABLED).build();
    }

    /** Starts the server and loads the demo data (a few seconds). */
    public static DemoDatabase start() throws SQLException {
        sweepStaleFolders();
        PrivateMariaDb server = PrivateMariaDb.start(AppPaths.home().resolve("demo-" + ProcessHandle.current().pid()), true);
        DemoDatabase demo = new DemoDatabase(server);
        // the window closed by a signal (kill, logout) runs no stop(): its 350 MB of demo data go all the same
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "sluice-demo-stop"));
        try (Connection c = Connections.open(demo.spec.withDatabase(""))) {
            SqlScript.run(c, SqlScript.load("demo/demo.sql"));
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return demo;
    }

    /** Root without a password: the demo server runs with grants off and listens on 127.0.0.1 only. */
    public ConnectionSpec spec() {
        return spec;
    }

    /** The folder of its data, which {@link #close} removes. */
    public Path dataFolder() {
        return server.workDir();
    }

    /** Whether, once closed, its data is gone: removing it is best effort (AtomicFiles.deleteTree). */
    public synchronized boolean dataGone() {
        return closed && Files.notExists(dataFolder());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }

    private boolean closed;

    /**
     * Demo folders of processes that are gone (a crash, a kill -9) are removed at the next start,
     * with the server such a process left running on one.
     */
    private static void sweepStaleFolders() {
        try (Stream<Path> dirs = Files.list(AppPaths.home())) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("demo-\\d+")).toList()) {
                long pid = Long.parseLong(d.getFileName().toString().substring("demo-".length()));
                if (ProcessHandle.of(pid).isEmpty()) {
                    PrivateMariaDb.stopOrphanedServer(d);
                    AtomicFiles.deleteTree(d);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // nothing to sweep, or not now: the demo starts anyway
        }
    }
}
