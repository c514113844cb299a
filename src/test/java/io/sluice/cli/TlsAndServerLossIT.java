package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Connections;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.TlsMode;
import io.sluice.core.server.PrivateMariaDb;
import io.sluice.testing.Cli;
import io.sluice.testing.Leaks;
import io.sluice.testing.ServerPause;
import io.sluice.testing.ParquetFiles;
import io.sluice.testing.TestCertificates;
import io.sluice.testing.Targets;
import io.sluice.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need a server of their own: TLS modes against a server with a self-signed
 * certificate for "localhost", and the server stopped in the middle of an export (last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsAndServerLossIT {
    private static final byte[] OLD = "keep me".getBytes(StandardCharsets.UTF_8);
    private static final int ROWS = 300_000;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static TestCertificates certs;
    private static PrivateMariaDb server;

    @BeforeAll
    static void startTlsServer() throws Exception {
        certs = TestCertificates.create(shared.resolve("certs"), "localhost");
        server = PrivateMariaDb.start(shared.resolve("server"), true, certs.serverArgs());
        ConnectionSpec root = ConnectionSpec.builder(new Dsn("mysql", "root", "127.0.0.1", server.port(), ""))
                .tlsMode(TlsMode.DISABLED).build();
        try (Connection c = Connections.open(root); Statement st = c.createStatement()) {
            st.execute("FLUSH PRIVILEGES");
            String pw = TestDb.PASSWORD.replace("\\", "\\\\").replace("'", "\\'");
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                st.execute("CREATE USER '" + TestDb.USER + "'@'" + host + "' IDENTIFIED BY '" + pw + "'");
                st.execute("GRANT ALL PRIVILEGES ON *.* TO '" + TestDb.USER + "'@'" + host + "'");
            }
            st.execute("CREATE DATABASE t");
            st.execute("USE t");
            st.execute("CREATE TABLE rows_ (id INT PRIMARY KEY, txt VARCHAR(300))");
            st.execute("INSERT INTO rows_ SELECT seq, REPEAT(SHA2(seq, 256), 4) FROM seq_1_to_" + ROWS);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String dsn(String host) {
        return "mysql://" + TestDb.USER + "@" + host + ":" + server.port() + "/t";
    }

    private Path keep() throws Exception {
        return Files.write(dir.resolve("out.parquet"), OLD);
    }

    private Cli.Run export(String host, Path out, String... tls) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--dsn", dsn(host), "--table", "rows_", "--limit", "1000",
                "--out", out.toString(), "--no-progress"));
        args.addAll(List.of(tls));
        return Cli.withPassword(args.toArray(String[]::new));
    }

    private void assertFailedCleanly(Cli.Run r, Path out, String sentence) throws Exception {
        assertEquals(1, r.code(), r.err());
        Leaks.assertPlainSentence(r.err());
        assertEquals(sentence, r.err().strip());
        assertArrayEquals(OLD, Files.readAllBytes(out));
        Targets.assertNoTempFiles(dir);
        Leaks.assertNotIn("the output", r.out() + r.err());
        Leaks.assertNowhere(dir);
    }

    @Test
    @Order(1)
    void verifyCaWithTheRightCaExports() throws Exception {
        Path out = keep();
        Cli.Run r = export("127.0.0.1", out, "--ssl-mode", "verify-ca", "--ssl-ca", certs.caPem().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1000, ParquetFiles.rows(out).size());
    }

    @Test
    @Order(2)
    void verifyIdentityWithTheRightNameExports() throws Exception {
        Path out = keep();
        Cli.Run r = export("localhost", out, "--ssl-mode", "verify-identity", "--ssl-ca", certs.caPem().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1000, ParquetFiles.rows(out).size());
    }

    @Test
    @Order(3)
    void verifyCaWithTheWrongCa() throws Exception {
        Path out = keep();
        Cli.Run r = export("127.0.0.1", out, "--ssl-mode", "verify-ca", "--ssl-ca", certs.otherCaPem().toString());
        assertFailedCleanly(r, out, "The server's TLS certificate is not signed by a CA you trust; choose the right CA file.");
    }

    @Test
    @Order(4)
    void verifyIdentityWithACertificateForAnotherName() throws Exception {
        Path out = keep();
        Cli.Run r = export("127.0.0.1", out, "--ssl-mode", "verify-identity", "--ssl-ca", certs.caPem().toString());
        assertFailedCleanly(r, out, "The server's TLS certificate is for another host name than '127.0.0.1'.");
    }

    @Test
    @Order(5)
    void requiredEncryptsWithoutCheckingTheCertificate() throws Exception {
        Path out = keep();
        Cli.Run r = export("127.0.0.1", out, "--ssl-mode", "required");
        assertEquals(0, r.code(), r.err());
    }

    /** Last: the server goes away while rows stream. */
    @Test
    @Order(99)
    void theServerStoppedMidExport() throws Exception {
        Path out = keep();
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> Cli.withPassword("export", "--dsn",
                dsn("127.0.0.1"), "--ssl-mode", "required", "--table", "rows_", "--out", out.toString(), "--no-progress",
                "--compression", "gzip", "--where", ServerPause.atRow(ROWS / 2, 5)));
        awaitQuery(run);
        int port = server.port();
        server.close();
        server = null;
        Cli.Run r = run.get(60, TimeUnit.SECONDS);
        assertFailedCleanly(r, out, "The connection to 127.0.0.1:" + port + " was lost during the export.");
    }

    private static void awaitQuery(CompletableFuture<?> run) throws Exception {
        ConnectionSpec root = ConnectionSpec.builder(new Dsn("mysql", TestDb.USER, "127.0.0.1", server.port(), ""))
                .password(io.sluice.core.connect.Secret.of(TestDb.PASSWORD.toCharArray())).tlsMode(TlsMode.REQUIRED).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = Connections.open(root); Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline && !run.isDone()) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT%rows_%'"
                        + " AND ID <> CONNECTION_ID()")) {
                    if (rs.next()) {
                        Thread.sleep(100); // rows are flowing
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the export's query never showed up" + (run.isDone() ? ": " + run.get() : ""));
    }
}
