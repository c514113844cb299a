package io.sluice.core.server;

import io.sluice.core.AppPaths;
import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.TlsMode;
import java.sql.Connection;
import java.sql.SQLException;

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
        PrivateMariaDb server = PrivateMariaDb.start(AppPaths.home().resolve("demo-" + ProcessHandle.current().pid()), true);
        DemoDatabase demo = new DemoDatabase(server);
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

    @Override
    public void close() {
        server.close();
    }
}
