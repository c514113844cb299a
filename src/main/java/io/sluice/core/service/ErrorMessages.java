package io.sluice.core.service;

import io.sluice.core.AppPaths;
import io.sluice.core.connect.ConnectionSpec;
import io.sluice.core.error.SluiceException;
import io.sluice.core.export.AtomicTarget;
import io.sluice.core.server.ServerUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns any failure into one plain sentence, from the SQL state, the server's error code and the
 * cause chain. Driver text never reaches the user verbatim: it can be long, technical, and in
 * principle could echo connection details. A server error none of the sentences here knows is said
 * in the server's own words, as every SQL client does: it names the statement's parts (and may quote
 * a value the statement computed), never the connection's.
 */
public final class ErrorMessages {
    private static final Pattern NEAR = Pattern.compile("near '(.{0,80})", Pattern.DOTALL);
    private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Unknown column '([^']*)'");
    private static final Pattern DUPLICATE_COLUMN = Pattern.compile("Duplicate column name '([^']*)'");
    /** "Table 'db.t' doesn't exist", "View 'db.v' references invalid table(s) …": the server does not escape a quote in the name. */
    private static final Pattern QUOTED_NAME = Pattern.compile("^(?:Table '(.*)' doesn't exist|View '(.*?)' references)");

    private ErrorMessages() {}

    /** Where the details are: the log file the launcher chose (LogConfigurator), else the settings folder's. */
    private static String logFile() {
        return System.getProperty("sluice.log.file", AppPaths.logFile().toString());
    }

    /** One sentence for {@code t}; {@code spec} (nullable) names the server in the sentence. */
    public static String describe(Throwable t, ConnectionSpec spec) {
        return describe(t, spec, "filter");
    }

    /** As {@link #describe(Throwable, ConnectionSpec)}; {@code userSql} names the user's SQL in syntax errors ("filter", "query"). */
    public static String describe(Throwable t, ConnectionSpec spec, String userSql) {
        if (t instanceof SluiceException) {
            return t.getMessage();
        }
        String where = spec == null ? "the server" : spec.dsn().host() + ":" + spec.dsn().port();
        // a certificate problem hides under a generic handshake failure: look for it first
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof CertPathValidatorException || c instanceof CertificateException) {
                return certificateProblem(c, spec);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServerUnavailableException) {
                return c.getMessage(); // the private server's own sentence ("install the 'mariadb-server' package")
            }
            String s = fromCause(c, where, spec, userSql);
            if (s != null) {
                return s;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return "Something unexpected went wrong; the log file " + logFile() + " has the details.";
    }

    /** Wraps {@code t} as a {@link SluiceException} with the sentence from {@link #describe}. */
    public static SluiceException wrap(Throwable t, ConnectionSpec spec, String userSql) {
        if (t instanceof SluiceException se) {
            return se;
        }
        return new SluiceException(describe(t, spec, userSql), t);
    }

    private static String fromCause(Throwable c, String where, ConnectionSpec spec, String userSql) {
        if (c instanceof SQLException sql) {
            String s = fromSql(sql, where, spec, userSql);
            if (s != null) {
                return s;
            }
        }
        if (c instanceof UnknownHostException) {
            return "The host '" + (spec == null ? c.getMessage() : spec.dsn().host()) + "' is unknown; check the DSN.";
        }
        if (c instanceof ConnectException) {
            return "Nothing answered at " + where + " (connection refused); is the server running on that port?";
        }
        if (c instanceof NoRouteToHostException) {
            return "There is no network route to " + where + ".";
        }
        if (c instanceof java.io.EOFException) {
            return "The connection to " + where + " was lost during the export.";
        }
        if (c instanceof SocketTimeoutException) {
            return "The server at " + where + " did not answer in time.";
        }
        if (c instanceof SSLException) {
            String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("subject alternative") || msg.contains("hostname") || msg.contains("identity")) {
                return "The server's TLS certificate is for another host name than " + hostOf(spec) + ".";
            }
            return "The TLS handshake with " + where + " failed; check the TLS mode and CA file.";
        }
        if (c instanceof AccessDeniedException ade) {
            return "Sluice may not write to the folder " + folderOf(ade.getFile()) + "; choose a folder you can write to.";
        }
        if (c instanceof FileSystemException fse && fse.getReason() != null
                && fse.getReason().toLowerCase(Locale.ROOT).contains("read-only")) {
            return "The folder " + folderOf(fse.getFile()) + " is read-only; choose another folder.";
        }
        if (c instanceof IOException io) {
            String msg = String.valueOf(io.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("no space left") || msg.contains("disk quota")) {
                return "The disk is full; free some space or choose another folder. The target file was left as it was.";
            }
            if (msg.contains("read-only file system")) {
                return "The target folder is on a read-only file system; choose another folder.";
            }
        }
        if (c instanceof FileSystemException fse && fse.getFile() != null && fse.getFile().contains(AtomicTarget.TEMP_MARK)) {
            // the export's own file beside the target could not be made: the folder is the problem
            return "Sluice could not create a file in the folder " + folderOf(fse.getFile()) + "; choose another folder.";
        }
        if (c instanceof OutOfMemoryError) {
            return "Sluice ran out of memory; lower the batch size or the row-group size.";
        }
        return null;
    }

    private static String certificateProblem(Throwable c, ConnectionSpec spec) {
        String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("subject alternative") || msg.contains("identity") || msg.contains("doesn't match")
                || msg.contains("does not match")) {
            return "The server's TLS certificate is for another host name than " + hostOf(spec) + ".";
        }
        if (msg.contains("expired") || msg.contains("not yet valid")) {
            return "The server's TLS certificate has expired or is not valid yet.";
        }
        return "The server's TLS certificate is not signed by a CA you trust; choose the right CA file.";
    }

    private static String fromSql(SQLException e, String where, ConnectionSpec spec, String userSql) {
        int code = e.getErrorCode();
        String msg = String.valueOf(e.getMessage());
        switch (code) {
            case 1045:
                return (spec == null ? "The server" : "The server at " + where) + " refused the user name or password."
                        + (spec != null && spec.password().isEmpty()
                        ? " No password was given: type one, or use -p, --password-stdin or SLUICE_PASSWORD." : "");
            case 1044:
            case 1142:
            case 1143:
            case 1227:
                return "Your user may not read this; ask for SELECT permission on it.";
            case 1049:
                return "That database does not exist on " + where + ".";
            case 1146: {
                Matcher m = QUOTED_NAME.matcher(msg);
                return (m.find() && m.group(1) != null ? "The table " + m.group(1) : "That table")
                        + " does not exist (it may have been dropped or renamed).";
            }
            case 1046:
                return "No database is selected: name one in the DSN (mysql://host:3306/db) or write the tables as db.table.";
            case 1356: {
                Matcher m = QUOTED_NAME.matcher(msg);
                return "The view " + (m.find() && m.group(2) != null ? m.group(2) + " " : "") + "refers to tables, columns or functions that no longer"
                        + " exist, or that its definer may not use; the server cannot read it.";
            }
            case 1054: {
                Matcher m = UNKNOWN_COLUMN.matcher(msg);
                if (m.find() && userSql.equals("query")) {
                    return "The column or name '" + m.group(1) + "' does not exist; check the query.";
                }
                return m.find(0)
                        ? "The column or name '" + m.group(1) + "' does not exist in the table; check the filter."
                        : "A column the export needs does not exist any more.";
            }
            case 1064: {
                Matcher m = NEAR.matcher(msg);
                return m.find()
                        ? "The " + userSql + " is not valid SQL near '" + nearText(m.group(1)) + "'."
                        : "The " + userSql + " is not valid SQL.";
            }
            case 1317:
                return "The query was interrupted on the server.";
            case 1792:
            case 1290:
                return "The " + userSql + " tried to change data or lock rows (FOR UPDATE); Sluice only reads.";
            case 1060: {
                Matcher m = DUPLICATE_COLUMN.matcher(msg);
                return "The " + userSql + " gives two columns the same name" + (m.find() ? " '" + m.group(1) + "'" : "")
                        + "; name them apart with AS.";
            }
            case 1927:
            case 2013:
            case 2006:
                return "The connection to " + where + " was lost during the export.";
            case 1040:
                return "The server at " + where + " has too many connections right now.";
            case 3159:
                return "The server requires TLS; choose the TLS mode 'required' or stronger.";
            default:
                break;
        }
        String state = e.getSQLState();
        String lower = msg.toLowerCase(Locale.ROOT);
        // Connector/J reports a connection lost while streaming rows as a general error whose only
        // trace of the cause is its text
        if (lower.contains("connection was unexpectedly lost")) {
            return "The connection to " + where + " was lost during the export.";
        }
        if (lower.contains("public key retrieval")) {
            return "The server wants this password sent over TLS; choose the TLS mode 'required' or 'preferred'.";
        }
        if (lower.contains("ssl") && (lower.contains("not support") || lower.contains("doesn't support")
                || lower.contains("does not support") || lower.contains("required"))) {
            return "The server at " + where + " does not offer TLS, but the TLS mode requires it.";
        }
        if (state != null && state.startsWith("08")) {
            if (e.getCause() == null) {
                return lower.contains("connect")
                        ? "Sluice could not connect to " + where + "."
                        : "The connection to " + where + " was lost.";
            }
            return null; // the cause (refused, unknown host, TLS …) says more
        }
        if (state != null && state.equals("70100")) {
            return "The query was cancelled.";
        }
        if (isServers(code)) {
            // e.g. an error the server raised as it computed the rows (a value out of range, a division by
            // zero in strict mode), mid-result too: its own words say what, better than 'unexpected'.
            // Not Connector/J's own errors (code 0 or 2xxx): those would be Sluice's, and may quote a value
            String text = (msg.startsWith("Data truncation: ") ? msg.substring("Data truncation: ".length()) : msg).strip();
            return "The server reported an error: " + text + (text.endsWith(".") ? "" : ".");
        }
        return null;
    }

    /** The server's error numbers (MySQL's and MariaDB's); 2000-2999 are Connector/J's own, client side. */
    private static boolean isServers(int code) {
        return code >= 1000 && code < 2000 || code >= 3000 && code < 5000;
    }

    /** The server quotes the rest of the statement; drop the line end and parenthesis Sluice wraps filters in. */
    private static String nearText(String near) {
        int wrapper = near.indexOf("\n)");
        if (wrapper >= 0) {
            near = near.substring(0, wrapper); // the parenthesis Sluice wraps a filter or query in, and what follows
        }
        String s = near.replaceAll("' at line \\d+$", "").strip();
        if (s.endsWith(")")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.isEmpty() ? "the end" : s;
    }

    /** The folder a file is in: users chose the folder and never see Sluice's temp file names. */
    private static String folderOf(String file) {
        if (file == null) {
            return "of the target";
        }
        java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        return parent == null ? file : parent.toString();
    }

    private static String hostOf(ConnectionSpec spec) {
        return spec == null ? "the host" : "'" + spec.dsn().host() + "'";
    }
}
