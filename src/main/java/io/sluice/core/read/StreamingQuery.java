package io.sluice.core.read;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.result.Field;
import io.sluice.core.error.SluiceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The statement an export streams its rows through. A server-side prepared statement when every
 * column's reader takes the binary protocol's form of it: numbers and dates then travel as
 * fixed-width binary, which the server does not format as text and Sluice does not parse. On 2 cores
 * shared with the server, the server's CPU for table (d) went 0.95 → 0.58 s and for (b) 1.96 → 1.3–1.6 s
 * (docs/benchmarks.md). Otherwise (a number or date mapped to text, a TIME as a time of day, a DOUBLE
 * with fixed decimals, a driver whose packets cannot be read here, or a statement the server will not
 * prepare) a plain statement and the text protocol, as before. {@code -Dsluice.protocol=text} forces the latter.
 */
public final class StreamingQuery {
    /**
     * The decimals the server reports for a floating-point value printed in full (NOT_FIXED_DEC; the
     * driver reports such a DOUBLE with 0).
     */
    private static final int NOT_FIXED_DECIMALS = 31;

    private StreamingQuery() {}

    /** A statement that streams row by row; {@link #execute} runs {@code sql} on it. */
    public static Statement open(Connection conn, String sql, List<ColumnReader<?>> readers) throws SQLException {
        Statement st = prepareBinary(conn, sql, readers);
        if (st == null) {
            st = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        }
        st.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row only with this
        return st;
    }

    /** Runs the query {@code st} was opened for. */
    public static ResultSet execute(Statement st, String sql) throws SQLException {
        return st instanceof PreparedStatement ps ? ps.executeQuery() : st.executeQuery(sql);
    }

    /** Whether {@code st} reads binary rows. */
    public static boolean binary(Statement st) {
        return st instanceof PreparedStatement;
    }

    /**
     * After the execute: the rows are sliced by the executed result's column types, which the prepare's
     * could differ from (the table altered in between), so the readers are asked again.
     */
    public static void checkExecuted(ResultSet rs, List<ColumnReader<?>> readers) throws SQLException {
        if (rs.getStatement() instanceof PreparedStatement
                && !readable(rs.getMetaData().unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields(), readers)) {
            throw new SluiceException("The columns changed while the export started; run it again.");
        }
    }

    /**
     * Whether every reader takes its column's binary form. A DOUBLE or FLOAT with a fixed number of
     * decimals is left to the text protocol: the server rounds its text to those decimals (the sum of
     * two DOUBLE(10,2) is sent as 0.30), while its binary form is the unrounded double.
     */
    private static boolean readable(Field[] fields, List<ColumnReader<?>> readers) {
        if (fields.length != readers.size()) {
            return false;
        }
        for (int c = 0; c < fields.length; c++) {
            int type = fields[c].getMysqlTypeId();
            int decimals = fields[c].getDecimals();
            if ((type == WireTypes.DOUBLE || type == WireTypes.FLOAT) && decimals > 0 && decimals < NOT_FIXED_DECIMALS) {
                return false;
            }
            if (!readers.get(c).readsBinary(type)) {
                return false;
            }
        }
        return true;
    }

    private static PreparedStatement prepareBinary(Connection conn, String sql, List<ColumnReader<?>> readers)
            throws SQLException {
        if ("text".equals(System.getProperty("sluice.protocol")) || !conn.isWrapperFor(JdbcConnection.class)
                || !WireRowSource.canRead(conn)) {
            return null;
        }
        PreparedStatement ps;
        try {
            ps = conn.unwrap(JdbcConnection.class).serverPrepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
        } catch (SQLException notPrepared) {
            return null; // the text protocol runs it, or says in its own words why not
        }
        boolean keep = false;
        try {
            ResultSetMetaData md = ps.getMetaData(); // the prepare's column types: nothing has run yet
            if (md == null || md.getColumnCount() != readers.size() || ps.getParameterMetaData().getParameterCount() != 0
                    || !md.isWrapperFor(com.mysql.cj.jdbc.result.ResultSetMetaData.class)) {
                return null;
            }
            if (!readable(md.unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields(), readers)) {
                return null;
            }
            keep = true;
            return ps;
        } finally {
            if (!keep) {
                ps.close();
            }
        }
    }
}
