package io.sluice.core.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the SQL files under {@code resources/} (demo data, type corpus) over JDBC: the bundled
 * client insists on TLS, and the demo server runs without it.
 */
public final class SqlScript {
    private SqlScript() {}

    /** Loads a script from the class path ({@code resources/} is packaged under {@code sluice-sql/}). */
    public static String load(String name) {
        String path = "/sluice-sql/" + name;
        try (InputStream in = SqlScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL script " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void run(Connection conn, String script) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : split(script)) {
                st.execute(sql);
            }
        }
    }

    /** Splits on {@code ;} outside quotes, identifiers and comments; drops comments and blanks. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    char d = script.charAt(j);
                    if (d == '\\' && c != '`') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && script.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                cur.append(script, i, Math.min(n, j + 1));
                i = j;
            } else if (c == '-' && i + 2 < n && script.charAt(i + 1) == '-' && Character.isWhitespace(script.charAt(i + 2))) {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                cur.append('\n');
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                cur.append(' ');
            } else if (c == ';') {
                addIfNotBlank(out, cur);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        addIfNotBlank(out, cur);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder sb) {
        String s = sb.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
