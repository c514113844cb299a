package io.sluice.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a query's export back with DuckDB and compares it with what the server returns for the query. */
public final class QueryReadBack {
    private QueryReadBack() {}

    /**
     * Every value of the file, read by DuckDB, equals what the server returns for the same query. The
     * server's text of a FLOAT is rounded to 6 digits, so FLOAT columns are compared as floats, with
     * the server's exact value fetched as a DOUBLE.
     */
    public static void assertSameValues(TestDb db, String database, String query, Path file) throws Exception {
        List<List<Object>> server = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> floats = new ArrayList<>();
        String sql = query.strip().replaceAll(";$", "");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("USE `" + database + "`");
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    names.add(md.getColumnLabel(i));
                    floats.add(md.getColumnType(i) == java.sql.Types.REAL || "FLOAT".equals(md.getColumnTypeName(i)));
                }
            }
            String exact = "SELECT " + String.join(", ", names.stream().map(n -> floats.get(names.indexOf(n))
                    ? "CAST(`" + n + "` AS DOUBLE)" : "`" + n + "`").toList())
                    + " FROM (\n" + sql + "\nLIMIT 18446744073709551615) AS q";
            try (ResultSet rs = st.executeQuery(exact)) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= names.size(); i++) {
                        String v = rs.getString(i);
                        row.add(floats.get(i - 1) && v != null ? (Object) Float.parseFloat(v) : normalize(v));
                    }
                    server.add(row);
                }
            }
        }
        List<List<String>> written = duckDb("SELECT " + String.join(", ", names.stream().map(n -> "CAST(\"" + n + "\" AS VARCHAR)").toList())
                + " FROM read_parquet('" + file + "')");
        assertEquals(server.size(), written.size(), "rows");
        for (int r = 0; r < server.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                String v = written.get(r).get(c);
                Object fromFile = floats.get(c) && v != null ? (Object) Float.parseFloat(v) : normalize(v);
                assertEquals(server.get(r).get(c), fromFile, "row " + r + ", column " + names.get(c));
            }
        }
    }

    /** Values as comparable objects: numbers by value, timestamps and dates as java.time, JSON without blanks. */
    private static Object normalize(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        if (s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return new BigDecimal(s).stripTrailingZeros();
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(s);
        }
        if (s.startsWith("{") || s.startsWith("[")) {
            return s.replace(" ", "");
        }
        return s;
    }

    public static List<List<String>> duckDb(String sql) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }}
