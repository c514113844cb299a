package io.sluice.cli;

import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.connect.Dsn;
import io.sluice.core.connect.Secret;
import io.sluice.core.connect.TlsMode;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Where to connect, shared by every sub-command. There is deliberately no --password VALUE. */
final class ConnectionOptions {
    static final String PASSWORD_ENV = io.sluice.core.connect.ConnectionSpec.PASSWORD_ENV;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--dsn", required = true, paramLabel = "DSN",
            description = "mysql://user@host:3306/db (a password in it is accepted but better given another way)")
    String dsn;

    @Mixin
    PasswordOptions password;

    @Option(names = "--ssl-mode", paramLabel = "MODE", defaultValue = "preferred",
            description = "disabled, preferred, required, verify-ca or verify-identity (default: ${DEFAULT-VALUE})")
    String sslMode;

    @Option(names = "--ssl-ca", paramLabel = "FILE", description = "CA certificate (PEM or .p12) for verify-ca/verify-identity.")
    Path sslCa;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up connecting after this many seconds (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    ConnectionSpec toSpec() {
        Dsn parsed;
        TlsMode tls;
        try {
            parsed = Dsn.parse(dsn);
            tls = TlsMode.parse(sslMode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return ConnectionSpec.builder(parsed).password(password()).tlsMode(tls).caFile(sslCa)
                    .connectTimeout(Duration.ofSeconds(Math.max(1, connectTimeoutSeconds))).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " Give it with --ssl-ca FILE.");
        }
    }

    private Secret password() {
        return password(spec, password, dsn);
    }

    /**
     * The password from -p (asked on the terminal), --password-stdin, {@value #PASSWORD_ENV}, or a
     * DSN that holds one, in that order; none is an empty password.
     */
    static Secret password(CommandSpec spec, PasswordOptions options, String dsnText) {
        boolean prompt = options.prompt;
        boolean passwordStdin = options.passwordStdin;
        if (prompt && passwordStdin) {
            throw new ParameterException(spec.commandLine(), "Use either -p or --password-stdin, not both.");
        }
        if (passwordStdin) {
            return readLine(System.in);
        }
        if (prompt) {
            Console console = System.console();
            if (console == null) {
                throw new ParameterException(spec.commandLine(), "-p needs a terminal; use --password-stdin or "
                        + PASSWORD_ENV + " in scripts.");
            }
            char[] pw = console.readPassword("Password: ");
            Secret s = Secret.of(pw);
            Arrays.fill(pw, '\0');
            return s;
        }
        String env = System.getenv(PASSWORD_ENV);
        if (env != null) {
            return Secret.of(env.toCharArray());
        }
        Optional<Secret> inDsn = dsnText == null ? Optional.empty() : Dsn.embeddedPassword(dsnText);
        return inDsn.orElse(Secret.empty());
    }

    /** One line of UTF-8 from stdin, without the line end; read byte-wise so nothing else is consumed. */
    static Secret readLine(InputStream in) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                buf.write(b);
            }
            byte[] bytes = buf.toByteArray();
            int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, len));
            char[] pw = new char[chars.remaining()];
            chars.get(pw);
            Arrays.fill(bytes, (byte) 0);
            Secret s = Secret.of(pw);
            Arrays.fill(pw, '\0');
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password from standard input", e);
        }
    }
}
