package io.sluice.core.schema;

import com.mysql.cj.MysqlType;
import com.mysql.cj.result.Field;
import io.sluice.core.error.SluiceException;
import io.sluice.core.types.MySqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a query's result, with a table column's fidelity. JDBC's metadata alone loses
 * ENUM/SET values, TINYINT(1), MariaDB's JSON and SRIDs, so a column that comes straight from a
 * table (the server names its origin) takes that column's declared type from information_schema;
 * an expression (SUM, CAST, DATE_ADD …) takes the type the server states for it in the result's
 * metadata: DECIMAL precision and scale, UNSIGNED, fractional seconds, BIT width, binary or text.
 * Needs only SELECT: nothing is created, and no row is read.
 */
public final class QueryProbe {
    /** Connector/J's collation number of the binary character set. */
    private static final int BINARY_COLLATION = 63;

    private final Connection connection;

    public QueryProbe(Connection connection) {
        this.connection = connection;
    }

    public TableSchema describe(Source.Query query) throws SQLException {
        if (SqlText.hasSecondStatement(query.sql())) {
            throw new SluiceException("The query holds more than one statement; Sluice runs a single SELECT.");
        }
        String first = SqlText.firstWord(query.sql());
        if (first.isEmpty()) {
            throw new SluiceException("The query holds only comments; write a SELECT.");
        }
        if (!java.util.Set.of("SELECT", "WITH", "VALUES", "TABLE").contains(first)) {
            throw new SluiceException("Sluice exports the result of a SELECT; this query starts with " + first + ".");
        }
        try (Statement st = connection.createStatement()) {
            // a SELECT, and one statement: anything else cannot be a derived table, and fails here before it runs
            st.executeQuery("SELECT * FROM " + query.asDerivedTable("sluice_check") + " LIMIT 0").close();
            return new TableSchema(new TableInfo(query.database(), "query", true, -1, -1, ""), columns(fields(query)));
        }
    }

    /**
     * The result's column definitions, origins included, from a server-side prepare: the server
     * describes the result without running the query (its own LIMIT or a huge join cost nothing).
     */
    private Field[] fields(Source.Query query) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).serverPrepareStatement(query.sql())) {
            java.sql.ResultSetMetaData md = ps.getMetaData();
            if (md != null) {
                return md.unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
            }
        }
        // a statement the server cannot prepare: its result with sql_select_limit 0 (no rows kept)
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION sql_select_limit = 0");
            try (ResultSet rs = st.executeQuery(query.sql())) {
                return rs.getMetaData().unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
            } finally {
                st.execute("SET SESSION sql_select_limit = DEFAULT");
            }
        }
    }

    private List<ColumnInfo> columns(Field[] fields) throws SQLException {
        Map<String, TableSchema> origins = new HashMap<>();
        Set<String> names = new HashSet<>();
        List<ColumnInfo> out = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            String name = f.getColumnLabel();
            if (!names.add(name)) {
                throw new SluiceException("The query returns two columns named '" + name + "'; name them apart with AS.");
            }
            boolean nullable = !f.isNotNull();
            Optional<ColumnInfo> origin = origin(f, origins);
            if (origin.isPresent()) {
                ColumnInfo o = origin.get();
                // an outer join can make a NOT NULL column nullable: the result's flag decides
                out.add(new ColumnInfo(name, i + 1, o.type(), nullable || o.nullable(), "", o.comment(), o.srid(), o.charset()));
            } else {
                // an expression's text comes already converted to UTF-8: its source's character set is not known
                out.add(new ColumnInfo(name, i + 1, typeOf(f), nullable, "", "", -1, ""));
            }
        }
        return out;
    }

    /** The declared column a result column is, when the server names a table and column for it. */
    private Optional<ColumnInfo> origin(Field f, Map<String, TableSchema> origins) throws SQLException {
        String db = f.getDatabaseName();
        String table = f.getOriginalTableName();
        String column = f.getOriginalName();
        if (db == null || db.isEmpty() || table == null || table.isEmpty() || column == null || column.isEmpty()) {
            return Optional.empty();
        }
        String key = db + "\u0000" + table;
        TableSchema schema = origins.get(key);
        if (schema == null && !origins.containsKey(key)) {
            try {
                schema = new SchemaProbe(connection).table(db, table);
            } catch (SluiceException | SQLException notVisible) {
                schema = null; // a temporary or hidden table: its result metadata will do
            }
            origins.put(key, schema);
        }
        return schema == null ? Optional.empty() : schema.column(column);
    }

    /** The type the result's metadata states, written as information_schema would. */
    static MySqlType typeOf(Field f) {
        MysqlType t = f.getMysqlType();
        boolean unsigned = f.isUnsigned();
        String u = unsigned ? " unsigned" : "";
        long len = f.getLength();
        int dec = f.getDecimals();
        boolean binary = f.getCollationIndex() == BINARY_COLLATION;
        switch (t) {
            case DECIMAL:
            case DECIMAL_UNSIGNED: {
                // Connector/J reports a decimal's length as its precision already (sign and point taken off)
                int precision = (int) Math.min(65, Math.max(Math.max(1, dec), len));
                return MySqlType.parse("decimal", "decimal(" + precision + "," + dec + ")" + u);
            }
            case TINYINT:
            case TINYINT_UNSIGNED:
                return MySqlType.parse("tinyint", (len == 1 && !unsigned ? "tinyint(1)" : "tinyint") + u);
            case SMALLINT:
            case SMALLINT_UNSIGNED:
                return MySqlType.parse("smallint", "smallint" + u);
            case MEDIUMINT:
            case MEDIUMINT_UNSIGNED:
                return MySqlType.parse("mediumint", "mediumint" + u);
            case INT:
            case INT_UNSIGNED:
                return MySqlType.parse("int", "int" + u);
            case BIGINT:
            case BIGINT_UNSIGNED:
                return MySqlType.parse("bigint", "bigint" + u);
            case FLOAT:
            case FLOAT_UNSIGNED:
                return MySqlType.parse("float", "float");
            case DOUBLE:
            case DOUBLE_UNSIGNED:
                return MySqlType.parse("double", "double");
            case BIT:
                return MySqlType.parse("bit", "bit(" + Math.max(1, len) + ")");
            case DATETIME:
            case TIMESTAMP:
            case TIME: {
                String name = t.getName().toLowerCase(Locale.ROOT);
                return MySqlType.parse(name, dec > 0 && dec <= 6 ? name + "(" + dec + ")" : name);
            }
            case DATE:
            case YEAR:
            case JSON:
            case GEOMETRY:
            case ENUM:
            case SET: {
                String name = t.getName().toLowerCase(Locale.ROOT);
                return MySqlType.parse(name, name);
            }
            case BINARY:
                return MySqlType.parse("binary", "binary(" + Math.max(1, len) + ")");
            case VARBINARY:
            case TINYBLOB:
            case BLOB:
            case MEDIUMBLOB:
            case LONGBLOB:
                return MySqlType.parse("blob", "blob");
            case CHAR:
            case VARCHAR:
            case TINYTEXT:
            case TEXT:
            case MEDIUMTEXT:
            case LONGTEXT:
                return binary ? MySqlType.parse("blob", "blob") : MySqlType.parse("text", "text");
            default:
                // NULL literals and anything newer: the server's text is kept as it is
                return MySqlType.parse("text", "text");
        }
    }
}
