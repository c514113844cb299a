package io.sluice.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed TLS material for the TLS test server, made with the JDK's keytool (no openssl on a
 * machine with only a JDK): a CA, a server certificate it signs for one host name, and a second
 * CA that signed nothing. PEM files, as MariaDB and {@code --ssl-ca} read them.
 */
public record TestCertificates(Path caPem, Path otherCaPem, Path serverCertPem, Path serverKeyPem) {
    private static final String PASS = "changeit";

    public static TestCertificates create(Path dir, String serverHostName) throws Exception {
        Files.createDirectories(dir);
        Path ca = dir.resolve("ca.p12");
        Path other = dir.resolve("other-ca.p12");
        Path server = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Sluice Test CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", ca.toString(), "-storepass", PASS);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Some Other CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", other.toString(), "-storepass", PASS);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + serverHostName,
                "-validity", "30", "-keystore", server.toString(), "-storepass", PASS);
        Path csr = dir.resolve("server.csr");
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASS, "-file", csr.toString());
        Path cert = dir.resolve("server-cert.pem");
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS, "-infile", csr.toString(),
                "-outfile", cert.toString(), "-rfc", "-validity", "30", "-ext", "SAN=dns:" + serverHostName,
                "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=serverAuth");
        Path caPem = dir.resolve("ca.pem");
        keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS, "-rfc", "-file", caPem.toString());
        Path otherPem = dir.resolve("other-ca.pem");
        keytool("-exportcert", "-alias", "ca", "-keystore", other.toString(), "-storepass", PASS, "-rfc",
                "-file", otherPem.toString());
        Path keyPem = dir.resolve("server-key.pem");
        Files.writeString(keyPem, pem("PRIVATE KEY", privateKey(server, "server").getEncoded()));
        return new TestCertificates(caPem, otherPem, cert, keyPem);
    }

    /** Server options that switch TLS on with this material. */
    public List<String> serverArgs() {
        return List.of("--ssl-ca=" + caPem, "--ssl-cert=" + serverCertPem, "--ssl-key=" + serverKeyPem);
    }

    private static PrivateKey privateKey(Path p12, String alias) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASS.toCharArray());
        }
        return (PrivateKey) ks.getKey(alias, PASS.toCharArray());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.add("-noprompt");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
