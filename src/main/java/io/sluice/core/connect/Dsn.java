package io.sluice.core.connect;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where to connect: {@code mysql://user@host:port/db} (or {@code mariadb://}). Never holds a password:
 * a password typed into the DSN text is lifted out by {@link #embeddedPassword(String)} and goes to a
 * {@link Secret}, so the DSN is always safe to show, log and save.
 */
public record Dsn(String scheme, String user, String host, int port, String database) {
    public static final int DEFAULT_PORT = 3306;

    public Dsn {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The DSN needs a host, as in mysql://user@host:3306/db.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port must be a number from 1 to 65535.");
        }
        user = user == null ? "" : user;
        database = database == null ? "" : database;
        scheme = scheme == null ? "mysql" : scheme;
    }

    /** Parses a DSN; a password in it is ignored here (see {@link #embeddedPassword}). */
    public static Dsn parse(String text) {
        Parts p = split(text);
        if (p.options != null) {
            // Options have settings of their own; one dropped in silence could have asked for TLS.
            throw new IllegalArgumentException("Sluice does not read options in the DSN" + p.options
                    + ": remove them; TLS and the connect timeout have settings of their own.");
        }
        return new Dsn(p.scheme, p.user, p.host, p.port, p.database);
    }

    /** The password typed into the DSN text ({@code mysql://u:pw@host}), if any, percent-decoded. */
    public static Optional<Secret> embeddedPassword(String text) {
        Parts p = split(text);
        return p.password == null ? Optional.empty() : Optional.of(Secret.of(p.password.toCharArray()));
    }

    /** The DSN with a different database. */
    public Dsn withDatabase(String db) {
        return new Dsn(scheme, user, host, port, db);
    }

    /** The text form, with no password: safe for display, logs and the recent-connections file. */
    public String redacted() {
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (!user.isEmpty()) {
            sb.append(encode(user)).append('@');
        }
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (!database.isEmpty()) {
            sb.append('/').append(encode(database));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return redacted();
    }

    /** @param options null for none; else what to say of them: " (name, name)", or "" when a name cannot be shown */
    private record Parts(String scheme, String user, String password, String host, int port, String database, String options) {}

    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private static Parts split(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter a DSN such as mysql://user@host:3306/db.");
        }
        String s = text.strip();
        String scheme = "mysql";
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
            if (!scheme.equals("mysql") && !scheme.equals("mariadb")) {
                throw new IllegalArgumentException(
                        "The DSN must start with mysql:// or mariadb://, not " + scheme + "://.");
            }
            s = s.substring(sep + 3);
        }
        // the options start after the user and password, which may hold a '?' of their own
        int q = s.indexOf('?', s.lastIndexOf('@') + 1);
        String options = null;
        if (q >= 0) {
            options = optionNames(s.substring(q + 1));
            s = s.substring(0, q);
        }
        String database = "";
        int slash = s.indexOf('/');
        if (slash >= 0) {
            database = decode(s.substring(slash + 1));
            s = s.substring(0, slash);
        }
        String user = "";
        String password = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = s.substring(0, at);
            s = s.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1));
                userInfo = userInfo.substring(0, colon);
            }
            user = decode(userInfo);
        }
        String host = s;
        int port = DEFAULT_PORT;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("The IPv6 host in the DSN is missing its closing ].");
            }
            host = s.substring(1, end);
            String rest = s.substring(end + 1);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1));
            }
        } else {
            int colon = s.lastIndexOf(':');
            if (colon >= 0) {
                host = s.substring(0, colon);
                port = parsePort(s.substring(colon + 1));
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("The DSN needs a host, as in mysql://user@host:3306/db.");
        }
        return new Parts(scheme, user, password, host, port, database, options);
    }

    /**
     * The options' names, " (sslMode, charset)", for the message that refuses them; never a value, which
     * may be a secret, and no names at all if one does not look like a name. Null when there are none.
     */
    private static String optionNames(String query) {
        List<String> names = new ArrayList<>();
        for (String option : query.split("&")) {
            String name = option.split("=", 2)[0].strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!OPTION_NAME.matcher(name).matches()) {
                return "";
            }
            names.add(name);
        }
        return names.isEmpty() ? null : " (" + String.join(", ", names) + ")";
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the one message
        }
        throw new IllegalArgumentException("The port in the DSN must be a number from 1 to 65535.");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The DSN has a broken %-escape.");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
