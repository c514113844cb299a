package io.sluice.core.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Everything needed to open a connection. Immutable; {@link #toString()} never shows the password. */
public final class ConnectionSpec {
    /** The environment variable a script gives the password in (the CLI reads it; job files point to it). */
    public static final String PASSWORD_ENV = "SLUICE_PASSWORD";

    private final Dsn dsn;
    private final Secret password;
    private final TlsMode tlsMode;
    private final Path caFile;
    private final Duration connectTimeout;

    private ConnectionSpec(Builder b) {
        this.dsn = Objects.requireNonNull(b.dsn, "dsn");
        if (b.tlsMode.verifiesCertificate() && b.caFile == null) {
            throw new IllegalArgumentException("TLS mode " + b.tlsMode + " needs a CA file to check the server against.");
        }
        this.password = b.password == null ? Secret.empty() : b.password;
        this.tlsMode = b.tlsMode;
        this.caFile = b.caFile;
        this.connectTimeout = b.connectTimeout;
    }

    public static Builder builder(Dsn dsn) {
        return new Builder().dsn(dsn);
    }

    public Builder toBuilder() {
        return new Builder().dsn(dsn).password(password).tlsMode(tlsMode).caFile(caFile).connectTimeout(connectTimeout);
    }

    public Dsn dsn() {
        return dsn;
    }

    public Secret password() {
        return password;
    }

    public TlsMode tlsMode() {
        return tlsMode;
    }

    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public ConnectionSpec withDatabase(String database) {
        return toBuilder().dsn(dsn.withDatabase(database)).build();
    }

    @Override
    public String toString() {
        return dsn.redacted() + " (tls " + tlsMode + (password.isEmpty() ? ", no password)" : ", password set)");
    }

    public static final class Builder {
        private Dsn dsn;
        private Secret password;
        private TlsMode tlsMode = TlsMode.PREFERRED;
        private Path caFile;
        private Duration connectTimeout = Duration.ofSeconds(10);

        public Builder dsn(Dsn dsn) {
            this.dsn = dsn;
            return this;
        }

        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        public Builder tlsMode(TlsMode tlsMode) {
            this.tlsMode = Objects.requireNonNull(tlsMode);
            return this;
        }

        public Builder caFile(Path caFile) {
            this.caFile = caFile;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** @throws IllegalArgumentException with one sentence when the TLS mode needs a CA file and has none */
        public ConnectionSpec build() {
            return new ConnectionSpec(this);
        }
    }
}
