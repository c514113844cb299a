package io.sluice.core.schema;

import io.sluice.core.error.SluiceException;
import io.sluice.core.types.MySqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what is on the server from {@code information_schema}: never user data (a table listed without
 * columns is read with {@code LIMIT 0}, only for the server's reason).
 * Names are compared byte for byte, since information_schema collations ignore case.
 */
public final class SchemaProbe {
    private static final Logger log = LoggerFactory.getLogger(SchemaProbe.class);
    private static final Pattern JSON_CHECK = Pattern.compile("^json_valid\\(`((?:[^`]|``)+)`\\)$", Pattern.CASE_INSENSITIVE);
    private final Connection connection;

    public SchemaProbe(Connection connection) {
        this.connection = connection;
    }

    /** e.g. {@code 11.4.5-MariaDB}. */
    public String serverVersion() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public List<DatabaseInfo> databases() throws SQLException {
        List<DatabaseInfo> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME")) {
            while (rs.next()) {
                out.add(new DatabaseInfo(rs.getString(1)));
            }
        }
        return out;
    }

    public List<TableInfo> tables(String database) throws SQLException {
        String sql = "SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH, TABLE_COMMENT"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND CAST(TABLE_SCHEMA AS BINARY) = CAST(? AS BINARY)"
                + " ORDER BY TABLE_NAME";
        List<TableInfo> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(tableInfo(database, rs));
                }
            }
        }
        return out;
    }

    /**
     * The columns of a table or of a query's result. A query's database becomes the connection's
     * current one, for its unqualified names and for the statements that follow on this connection.
     */
    public TableSchema describe(Source source) throws SQLException {
        enterDatabaseOf(connection, source);
        if (source instanceof Source.Table t) {
            return table(t.database(), t.name());
        }
        return new QueryProbe(connection).describe((Source.Query) source);
    }

    /**
     * Makes the source's database the connection's current one: a query's, for its unqualified names;
     * a table's, for those of its filter ({@code id IN (SELECT id FROM other)} means the table's
     * database, as a user reads it). A table's may fail to be entered (a user granted that one table
     * only): its export does not need it, so its filter is then left to say what it lacks.
     */
    public static void enterDatabaseOf(Connection connection, Source source) throws SQLException {
        String database = source instanceof Source.Table t ? t.database() : ((Source.Query) source).database();
        if (database.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("USE " + Identifiers.quote(database));
        } catch (SQLException e) {
            if (source instanceof Source.Query) {
                throw e;
            }
            log.debug("cannot enter the table's database {}", database, e);
        }
    }

    /** One table's description and columns; fails with a plain sentence when it does not exist. */
    public TableSchema table(String database, String table) throws SQLException {
        TableInfo info = tableInfo(database, table);
        List<ColumnInfo> columns = new ArrayList<>();
        Set<String> jsonColumns = jsonColumns(database, table);
        Map<String, Integer> srids = declaredSrids(database, table);
        String sql = "SELECT COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, COLUMN_KEY, COLUMN_COMMENT,"
                + " CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND CAST(TABLE_SCHEMA AS BINARY) = CAST(? AS BINARY) AND CAST(TABLE_NAME AS BINARY) = CAST(? AS BINARY)"
                + " ORDER BY ORDINAL_POSITION";
        try (PreparedStatement ps = bind(sql, database, table, database, table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                MySqlType type = MySqlType.parse(rs.getString(3), rs.getString(4));
                if (jsonColumns.contains(name)) {
                    type = type.asJson();
                }
                columns.add(new ColumnInfo(name, rs.getInt(2), type, "YES".equals(rs.getString(5)), rs.getString(6),
                        rs.getString(7), srids.getOrDefault(name, -1), rs.getString(8)));
            }
        }
        if (columns.isEmpty()) {
            sayWhyNoColumns(database, table);
        }
        return new TableSchema(info, columns);
    }

    /**
     * A table listed without columns is a view the server cannot resolve (its tables or columns gone,
     * error 1356) or one whose columns the user may not read: reading it raises the server's own reason,
     * where an empty list would only have said "choose at least one column".
     */
    private void sayWhyNoColumns(String database, String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet ignored = st.executeQuery("SELECT * FROM " + Identifiers.quote(database) + "." + Identifiers.quote(table)
                     + " LIMIT 0")) {
            // it reads after all: nothing more to say than the empty list
        }
    }

    private TableInfo tableInfo(String database, String table) throws SQLException {
        String sql = "SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH, TABLE_COMMENT"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND CAST(TABLE_SCHEMA AS BINARY) = CAST(? AS BINARY) AND CAST(TABLE_NAME AS BINARY) = CAST(? AS BINARY)";
        try (PreparedStatement ps = bind(sql, database, table, database, table); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SluiceException(databaseExists(database)
                        ? "The table " + database + "." + table + " does not exist (or you may not see it)."
                        : "The database " + database + " does not exist (or you may not see it).");
            }
            return tableInfo(database, rs);
        }
    }

    private boolean databaseExists(String database) throws SQLException {
        String sql = "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"
                + " AND CAST(SCHEMA_NAME AS BINARY) = CAST(? AS BINARY)";
        try (PreparedStatement ps = bind(sql, database, database); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static TableInfo tableInfo(String database, ResultSet rs) throws SQLException {
        boolean view = "VIEW".equalsIgnoreCase(rs.getString(2));
        long rows = rs.getLong(3);
        if (rs.wasNull() || view) {
            rows = -1;
        }
        long bytes = rs.getLong(4);
        if (rs.wasNull()) {
            bytes = -1;
        }
        String comment = rs.getString(5);
        return new TableInfo(database, rs.getString(1), view, rows, bytes, comment == null ? "" : comment);
    }

    /** MariaDB's JSON is LONGTEXT with a {@code json_valid(`col`)} check constraint. */
    private Set<String> jsonColumns(String database, String table) {
        Set<String> out = new HashSet<>();
        String sql = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?";
        try (PreparedStatement ps = bind(sql, database, table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = JSON_CHECK.matcher(rs.getString(1).strip());
                if (m.matches()) {
                    out.add(m.group(1).replace("``", "`"));
                }
            }
        } catch (SQLException notMariaDb) {
            // MySQL has a real JSON type and no TABLE_NAME in CHECK_CONSTRAINTS: nothing to find
        }
        return out;
    }

    /** SRIDs declared on spatial columns (MariaDB: GEOMETRY_COLUMNS; MySQL 8: COLUMNS.SRS_ID). */
    private Map<String, Integer> declaredSrids(String database, String table) {
        Map<String, Integer> out = new HashMap<>();
        String[] queries = {
            "SELECT F_GEOMETRY_COLUMN, SRID FROM information_schema.GEOMETRY_COLUMNS"
                    + " WHERE F_TABLE_SCHEMA = ? AND F_TABLE_NAME = ? AND SRID IS NOT NULL AND SRID <> 0",
            "SELECT COLUMN_NAME, SRS_ID FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND SRS_ID IS NOT NULL",
        };
        for (String sql : queries) {
            try (PreparedStatement ps = bind(sql, database, table); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
                return out;
            } catch (SQLException e) {
                // the other server flavour's catalogue; try the next
            }
        }
        return out;
    }

    private PreparedStatement bind(String sql, String... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setString(i + 1, params[i]);
        }
        return ps;
    }
}
