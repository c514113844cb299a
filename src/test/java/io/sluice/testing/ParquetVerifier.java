package io.sluice.testing;

import io.sluice.core.schema.ColumnInfo;
import io.sluice.core.schema.Identifiers;
import io.sluice.core.schema.SchemaProbe;
import io.sluice.core.schema.TableSchema;
import io.sluice.core.types.TypeFamily;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Compares every column and every value of a written Parquet file with what the server holds. The server's side
 * is a canonical form computed by SQL (DATEDIFF, TIMESTAMPDIFF, SHA2 …), so the check does not
 * lean on Sluice's own parsing; the file's side is read by parquet-java's example reader.
 */
public final class ParquetVerifier {
    /** Mismatches (empty when the file is exact) and, per column, values the server has but the file holds as NULL. */
    public record Report(List<String> mismatches, Map<String, Long> nulledByColumn, int rows) {}

    /** What the server expression yields for a value that is not a valid date. */
    private static final String NULLED = "NULLED";

    private ParquetVerifier() {}

    public static Report verify(Connection conn, String db, String table, String orderBy, Path file) throws Exception {
        return verify(conn, db, table, orderBy, List.of(file));
    }

    /** The parts of a split export, in order, as one file: every part must carry the same schema. */
    public static Report verify(Connection conn, String db, String table, String orderBy, List<Path> files) throws Exception {
        TableSchema schema = new SchemaProbe(conn).table(db, table);
        MessageType pq = ParquetFiles.schema(files.get(0));
        List<Group> rows = new ArrayList<>();
        for (Path file : files) {
            if (!ParquetFiles.schema(file).equals(pq)) {
                throw new AssertionError(file + " has another schema than " + files.get(0));
            }
            rows.addAll(ParquetFiles.rows(file));
        }
        List<String> exprs = new ArrayList<>();
        List<ColumnInfo> cols = new ArrayList<>();
        for (Type t : pq.getFields()) {
            ColumnInfo c = schema.column(t.getName()).orElseThrow();
            cols.add(c);
            exprs.add(serverExpression(c, t.asPrimitiveType()));
        }
        String sql = "SELECT " + String.join(", ", exprs) + " FROM " + Identifiers.quote(db) + "." + Identifiers.quote(table)
                + " ORDER BY " + Identifiers.quote(orderBy);
        List<String> mismatches = new ArrayList<>();
        // every column of the table, in order: a column the export dropped is a mismatch too
        List<String> expectedColumns = schema.columns().stream().map(ColumnInfo::name).toList();
        List<String> fileColumns = pq.getFields().stream().map(Type::getName).toList();
        if (!expectedColumns.equals(fileColumns)) {
            mismatches.add("the file's columns " + fileColumns + " are not the table's " + expectedColumns);
        }
        Map<String, Long> nulled = new LinkedHashMap<>();
        int r = 0;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (r >= rows.size()) {
                    mismatches.add("the file has fewer rows than the table (" + rows.size() + ")");
                    break;
                }
                Group g = rows.get(r);
                for (int i = 0; i < cols.size(); i++) {
                    String server = rs.getString(i + 1);
                    if (server != null && cols.get(i).type().family().isTemporalWithDate() && !isText(pq.getType(i).asPrimitiveType())) {
                        server = fromCalendarFields(server, cols.get(i).type().family() == TypeFamily.DATE);
                    }
                    PrimitiveType t = pq.getType(i).asPrimitiveType();
                    String inFile = g.getFieldRepetitionCount(i) == 0 ? null : fileValue(g, i, t, cols.get(i).type().family());
                    if (server == null && inFile == null) {
                        continue;
                    }
                    if (inFile == null && NULLED.equals(server)) {
                        nulled.merge(cols.get(i).name(), 1L, Long::sum);
                        continue;
                    }
                    if (!equal(server, inFile, t)) {
                        mismatches.add("row " + (r + 1) + " column " + cols.get(i).name() + ": server " + abbreviate(server)
                                + " file " + abbreviate(inFile));
                    }
                }
                r++;
            }
        }
        if (r < rows.size()) {
            mismatches.add("the file has more rows (" + rows.size() + ") than the table (" + r + ")");
        }
        return new Report(mismatches, nulled, rows.size());
    }

    /** The server's canonical text of a column, chosen by what the file says it holds. */
    static String serverExpression(ColumnInfo c, PrimitiveType t) {
        String q = Identifiers.quote(c.name());
        TypeFamily f = c.type().family();
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        boolean text = a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
        if (text) {
            if (f == TypeFamily.GEOMETRY) {
                return "ST_AsText(" + q + ")";
            }
            // a zero date is a value, which DATEDIFF would turn into NULL: compare the zero date as text
            return "CAST(" + q + " AS CHAR)";
        }
        switch (f) {
            case DATE:
            case DATETIME:
            case TIMESTAMP:
                // the calendar fields, turned into an instant by java.time below (MySQL's own day
                // arithmetic counts year 0 as 365 days; the proleptic calendar of Arrow and java.time does not)
                return "IF(" + q + " IS NULL, NULL, CONCAT(IFNULL(YEAR(" + q + "), 0), ',', IFNULL(MONTH(" + q + "), 0), ',', IFNULL(DAYOFMONTH(" + q
                        + "), 0), ',', HOUR(" + q + "), ',', MINUTE(" + q + "), ',', SECOND(" + q + "), ',', MICROSECOND(" + q + ")))";
            case TIME:
                return "ROUND(TIME_TO_SEC(" + q + ") * 1000000)";
            case FLOAT:
                return "CAST(" + q + " AS DOUBLE)";
            case BIT:
            case YEAR:
                return "CAST(" + q + " AS UNSIGNED)";
            case BINARY:
            case FIXED_BINARY:
                return "SHA2(" + q + ", 256)";
            case GEOMETRY:
                return "HEX(ST_AsWKB(" + q + "))";
            default:
                return "CAST(" + q + " AS CHAR)";
        }
    }

    private static boolean isText(PrimitiveType t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    }

    /** "y,m,d,h,mi,s,us" → days or microseconds since the epoch; NULLED for zero, partial, invalid dates. */
    static String fromCalendarFields(String fields, boolean dateOnly) {
        String[] f = fields.split(",");
        int[] v = new int[f.length];
        for (int k = 0; k < f.length; k++) {
            v[k] = Integer.parseInt(f[k]);
        }
        try {
            java.time.LocalDate d = java.time.LocalDate.of(v[0], v[1], v[2]);
            if (dateOnly) {
                return Long.toString(d.toEpochDay());
            }
            java.time.LocalDateTime t = d.atTime(v[3], v[4], v[5]);
            return Long.toString(t.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + v[6]);
        } catch (java.time.DateTimeException e) {
            return NULLED;
        }
    }

    private static boolean equal(String server, String file, PrimitiveType t) {
        if (server == null || file == null) {
            return false;
        }
        if (t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT) {
            return Float.floatToIntBits((float) Double.parseDouble(server)) == Float.floatToIntBits(Float.parseFloat(file));
        }
        if (t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE) {
            return Double.doubleToLongBits(Double.parseDouble(server)) == Double.doubleToLongBits(Double.parseDouble(file));
        }
        return server.equals(file);
    }

    static String fileValue(Group g, int i, PrimitiveType t, TypeFamily family) throws Exception {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        switch (t.getPrimitiveTypeName()) {
            case BOOLEAN:
                return g.getBoolean(i, 0) ? "1" : "0";
            case INT32: {
                int v = g.getInteger(i, 0);
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(v, d.getScale()).toPlainString();
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation it && !it.isSigned()) {
                    return Integer.toUnsignedString(v);
                }
                return Integer.toString(v);
            }
            case INT64: {
                long v = g.getLong(i, 0);
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(v, d.getScale()).toPlainString();
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation it && !it.isSigned()) {
                    return Long.toUnsignedString(v);
                }
                return Long.toString(v);
            }
            case FLOAT:
                return Float.toString(g.getFloat(i, 0));
            case DOUBLE:
                return Double.toString(g.getDouble(i, 0));
            case FIXED_LEN_BYTE_ARRAY:
            case BINARY: {
                byte[] b = g.getBinary(i, 0).getBytes();
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return new BigDecimal(new BigInteger(b), d.getScale()).toPlainString();
                }
                if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
                }
                return family == TypeFamily.GEOMETRY
                        ? HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT)
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            }
            default:
                return g.getValueToString(i, 0);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "NULL" : s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : "'" + s + "'";
    }
}
