package io.sluice.core.connect;

import java.util.Locale;

/** TLS for the connection, in Connector/J's {@code sslMode} terms. */
public enum TlsMode {
    DISABLED("DISABLED", "No TLS: traffic, including the login, is not encrypted."),
    PREFERRED("PREFERRED", "TLS when the server offers it; no certificate check."),
    REQUIRED("REQUIRED", "TLS or no connection; the certificate is not checked."),
    VERIFY_CA("VERIFY_CA", "TLS, and the server certificate must be signed by the CA you trust."),
    VERIFY_IDENTITY("VERIFY_IDENTITY", "TLS, a trusted certificate, and its name must match the host.");

    private final String driverValue;
    private final String description;

    TlsMode(String driverValue, String description) {
        this.driverValue = driverValue;
        this.description = description;
    }

    public String driverValue() {
        return driverValue;
    }

    public String description() {
        return description;
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }

    /** Accepts {@code verify-ca}, {@code VERIFY_CA}, {@code verify_ca}. */
    public static TlsMode parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TlsMode m : values()) {
            if (m.name().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "Unknown TLS mode '" + text + "': use disabled, preferred, required, verify-ca or verify-identity.");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return cliName();
    }
}
