package io.sluice.core.connect;

import io.sluice.core.error.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** Opens JDBC connections with the driver settings Sluice's exactness depends on. */
public final class Connections {
    /** The CA truststore is public material: this passphrase protects nothing and is not a secret. */
    private static final char[] TRUSTSTORE_PASSPHRASE = "sluice-ca".toCharArray();
    private static final Map<Path, Path> TRUSTSTORES = new ConcurrentHashMap<>();

    private Connections() {}

    public static Connection open(ConnectionSpec spec) throws SQLException {
        DriverManager.setLoginTimeout((int) Math.max(1, spec.connectTimeout().toSeconds()));
        return DriverManager.getConnection(jdbcUrl(spec), properties(spec));
    }

    /**
     * A connection whose session is read-only: Sluice only reads, so a filter or query that tries to
     * change data fails on the server instead of running.
     */
    public static Connection openReadOnly(ConnectionSpec spec) throws SQLException {
        Connection c = open(spec);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION TRANSACTION READ ONLY");
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The URL names only host and port: the database is always quoted into the SQL itself. */
    static String jdbcUrl(ConnectionSpec spec) {
        String host = spec.dsn().host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "jdbc:mysql://" + host + ":" + spec.dsn().port() + "/";
    }

    static Properties properties(ConnectionSpec spec) {
        Properties p = new Properties();
        p.setProperty("user", spec.dsn().user());
        if (!spec.password().isEmpty()) {
            char[] pw = spec.password().reveal();
            p.setProperty("password", new String(pw)); // the driver takes a String; this copy is wiped
            Arrays.fill(pw, '\0');
        }
        // Exact types: every value is read as the server's own text and parsed by Sluice.
        p.setProperty("tinyInt1isBit", "false");
        p.setProperty("transformedBitIsBoolean", "false");
        p.setProperty("yearIsDateType", "false");
        p.setProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        p.setProperty("connectionTimeZone", "UTC");
        p.setProperty("forceConnectionTimeZoneToSession", "true");
        p.setProperty("useServerPrepStmts", "false");
        p.setProperty("characterEncoding", "UTF-8");
        // Without this the server sends each column in its own charset (latin1 bytes for a latin1 column).
        p.setProperty("characterSetResults", "UTF-8");
        // Safety: one statement per call, no LOAD DATA LOCAL from the client's disk.
        p.setProperty("allowMultiQueries", "false");
        p.setProperty("allowLoadLocalInfile", "false");
        p.setProperty("allowUrlInLocalInfile", "false");
        p.setProperty("useLocalSessionState", "true");
        p.setProperty("connectTimeout", Long.toString(spec.connectTimeout().toMillis()));
        p.setProperty("connectionAttributes", "program_name:sluice");
        p.setProperty("sslMode", spec.tlsMode().driverValue());
        spec.caFile().ifPresent(ca -> {
            Path store = truststoreFor(ca);
            p.setProperty("trustCertificateKeyStoreUrl", store.toUri().toString());
            p.setProperty("trustCertificateKeyStoreType", "PKCS12");
            p.setProperty("trustCertificateKeyStorePassword", new String(TRUSTSTORE_PASSPHRASE));
        });
        return p;
    }

    /** Connector/J wants a keystore; users have a PEM file. Convert once per file. */
    static Path truststoreFor(Path caFile) {
        String name = caFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return caFile;
        }
        return TRUSTSTORES.computeIfAbsent(caFile.toAbsolutePath(), Connections::pemToPkcs12);
    }

    private static Path pemToPkcs12(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new SluiceException("The CA file " + pem.getFileName() + " holds no certificate.");
            }
            Path store = Files.createTempFile("sluice-ca-", ".p12");
            store.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(store)) {
                ks.store(out, TRUSTSTORE_PASSPHRASE);
            }
            return store;
        } catch (IOException e) {
            throw new SluiceException("The CA file " + pem.getFileName() + " cannot be read.", e);
        } catch (GeneralSecurityException e) {
            throw new SluiceException("The CA file " + pem.getFileName() + " is not a PEM certificate.", e);
        }
    }
}
