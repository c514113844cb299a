import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Peer: DuckDB's Java library. Rows from a streaming Connector/J result go through DuckDB's
 * appender into an in-memory table, then DuckDB's own writer does COPY … TO parquet.
 * Usage: DuckDbPeer jdbcUrl "SELECT …" out.parquet zstd|uncompressed
 */
public class DuckDbPeer {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(out);
        try (Connection my = DriverManager.getConnection(args[0]);
             Statement st = my.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Statement ds = duck.createStatement()) {
            st.setFetchSize(Integer.MIN_VALUE);
            ResultSet rs = st.executeQuery(args[1]);
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> cols = new ArrayList<>();
            String[] kind = new String[n + 1];
            for (int i = 1; i <= n; i++) {
                String t = duckType(md, i);
                cols.add('"' + md.getColumnLabel(i) + "\" " + t);
                kind[i] = t;
            }
            ds.execute("CREATE TABLE t (" + String.join(", ", cols) + ")");
            try (DuckDBAppender app = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                while (rs.next()) {
                    app.beginRow();
                    for (int i = 1; i <= n; i++) {
                        append(app, rs, i, kind[i]);
                    }
                    app.endRow();
                }
            }
            ds.execute("COPY t TO '" + out + "' (FORMAT parquet, COMPRESSION " + args[3] + ")");
        }
    }

    private static String duckType(ResultSetMetaData md, int i) throws Exception {
        String name = md.getColumnTypeName(i);
        boolean unsigned = name.contains("UNSIGNED");
        switch (md.getColumnType(i)) {
            case Types.BIGINT: return unsigned ? "UBIGINT" : "BIGINT";
            case Types.INTEGER: return unsigned ? "BIGINT" : "INTEGER";
            case Types.SMALLINT: return unsigned ? "INTEGER" : "SMALLINT";
            case Types.TINYINT: case Types.BIT: case Types.BOOLEAN: return unsigned ? "SMALLINT" : "TINYINT";
            case Types.DECIMAL: return "DECIMAL(" + md.getPrecision(i) + "," + md.getScale(i) + ")";
            case Types.DOUBLE: return "DOUBLE";
            case Types.REAL: case Types.FLOAT: return "FLOAT";
            case Types.TIMESTAMP: return "TIMESTAMP";
            case Types.DATE: return "DATE";
            case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY: case Types.BLOB: return "BLOB";
            default: return "VARCHAR";
        }
    }

    private static void append(DuckDBAppender app, ResultSet rs, int i, String type) throws Exception {
        switch (type) {
            case "BIGINT": case "INTEGER": case "SMALLINT": case "TINYINT": {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    app.appendNull();
                } else if (type.equals("BIGINT")) {
                    app.append(v);
                } else if (type.equals("INTEGER")) {
                    app.append((int) v);
                } else if (type.equals("SMALLINT")) {
                    app.append((short) v);
                } else {
                    app.append((byte) v);
                }
                return;
            }
            case "UBIGINT": {
                java.math.BigInteger v = rs.getObject(i, java.math.BigInteger.class);
                if (v == null) app.appendNull(); else app.append(v);
                return;
            }
            case "DOUBLE": case "FLOAT": {
                double v = rs.getDouble(i);
                if (rs.wasNull()) app.appendNull(); else if (type.equals("DOUBLE")) app.append(v); else app.append((float) v);
                return;
            }
            case "TIMESTAMP": {
                java.time.LocalDateTime v = rs.getObject(i, java.time.LocalDateTime.class);
                if (v == null) app.appendNull(); else app.append(v);
                return;
            }
            case "DATE": {
                java.time.LocalDate v = rs.getObject(i, java.time.LocalDate.class);
                if (v == null) app.appendNull(); else app.append(v);
                return;
            }
            case "BLOB": {
                byte[] v = rs.getBytes(i);
                if (v == null) app.appendNull(); else app.append(v);
                return;
            }
            default: {
                if (type.startsWith("DECIMAL")) {
                    BigDecimal v = rs.getBigDecimal(i);
                    if (v == null) app.appendNull(); else app.append(v);
                    return;
                }
                String v = rs.getString(i);
                if (v == null) app.appendNull(); else app.append(v);
            }
        }
    }
}
