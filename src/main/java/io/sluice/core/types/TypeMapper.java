package io.sluice.core.types;

import static io.sluice.core.types.MappingTarget.BOOL;
import static io.sluice.core.types.MappingTarget.DECIMAL;
import static io.sluice.core.types.MappingTarget.DEFAULT;
import static io.sluice.core.types.MappingTarget.FIXED_BINARY;
import static io.sluice.core.types.MappingTarget.FLOAT64;
import static io.sluice.core.types.MappingTarget.INT64;
import static io.sluice.core.types.MappingTarget.TIME64;
import static io.sluice.core.types.MappingTarget.UTF8;

import io.sluice.core.read.ReaderKind;
import io.sluice.core.schema.ColumnInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The type mapping, in one place: MySQL/MariaDB column → Arrow type (→ Parquet type) + what the
 * mapping can lose, and which overrides a column allows. DESIGN.md §3 is the reference.
 */
public final class TypeMapper {
    private static final String PLAIN = "%s";
    /** The text protocol sends FLOAT rounded to 6 digits; as DOUBLE the exact value arrives. */
    private static final String FLOAT_EXACT = "CAST(%s AS DOUBLE)";
    private static final String ZERO_DATES =
            "Zero and partial dates (0000-00-00, 2024-00-15) and invalid dates become NULL and are counted in the summary; map to utf8 to keep them as text.";

    private TypeMapper() {}

    /** The mapping Sluice proposes for the column. */
    public static TypeMapping defaultMapping(ColumnInfo column) {
        return map(column, DEFAULT);
    }

    /** The targets a user may choose for this column, DEFAULT first. */
    public static List<MappingTarget> allowedTargets(ColumnInfo column) {
        List<MappingTarget> out = new ArrayList<>();
        for (MappingTarget t : MappingTarget.values()) {
            if (whyNot(column, t) == null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The mapping of {@code column} as {@code target}.
     *
     * @throws IllegalArgumentException with one sentence saying why, if the target cannot hold the
     *     column's values
     */
    public static TypeMapping map(ColumnInfo column, MappingTarget target) {
        String why = whyNot(column, target);
        if (why != null) {
            throw new IllegalArgumentException("Column '" + column.name() + "' cannot be mapped as " + target + ": " + why);
        }
        return build(column, target);
    }

    /** Null when {@code target} is allowed for the column, else the reason in a few words. */
    public static String whyNot(ColumnInfo column, MappingTarget target) {
        MySqlType t = column.type();
        TypeFamily f = t.family();
        switch (target) {
            case DEFAULT:
                return null;
            case BOOL:
                if (f == TypeFamily.TINYINT) {
                    return null;
                }
                return f == TypeFamily.BIT && t.length() == 1 ? "BIT(1) is a boolean already." : "only TINYINT columns can become booleans.";
            case INT64:
                if (f == TypeFamily.BIGINT && t.unsigned()) {
                    return "BIGINT UNSIGNED holds values up to 18446744073709551615, more than Int64 can hold; use decimal.";
                }
                if (f.isInteger() || f == TypeFamily.YEAR || (f == TypeFamily.BIT && t.length() < 64)) {
                    return null;
                }
                return "only integer, YEAR and BIT(n<64) columns fit Int64 exactly.";
            case DECIMAL:
                if (f == TypeFamily.BIGINT && t.unsigned()) {
                    return null;
                }
                return f == TypeFamily.DECIMAL ? "it is a decimal already." : "only BIGINT UNSIGNED is offered as Decimal(20, 0).";
            case FLOAT64:
                return f == TypeFamily.FLOAT ? null : "only FLOAT widens to Float64 without loss.";
            case TIME64:
                return f == TypeFamily.TIME ? null : "only TIME columns can become a time of day.";
            case FIXED_BINARY:
                return f == TypeFamily.BIT && t.length() > 1 ? null : "only BIT(n>1) columns are offered as fixed-size binary.";
            case UTF8:
                switch (f) {
                    case BIT:
                    case BINARY:
                    case FIXED_BINARY:
                        return "binary values are not text; they stay binary.";
                    case TEXT:
                    case UUID:
                    case INET4:
                    case INET6:
                    case UNKNOWN:
                        return "it is written as text already.";
                    default:
                        return null;
                }
            default:
                return "unknown target.";
        }
    }

    private static TypeMapping build(ColumnInfo c, MappingTarget target) {
        MySqlType t = c.type();
        Map<String, String> meta = new HashMap<>();
        meta.put(TypeMapping.MYSQL_TYPE_KEY, t.columnType());
        boolean nullable = c.nullable();
        if (target == UTF8) {
            String select = t.family() == TypeFamily.GEOMETRY ? "ST_AsText(%s)" : PLAIN;
            String note = t.family() == TypeFamily.GEOMETRY ? "Written as WKT text; the SRID is not kept." : "";
            return new TypeMapping(UTF8, ArrowType.Utf8.INSTANCE, nullable, ReaderKind.TEXT, select, note, meta, false);
        }
        switch (t.family()) {
            case TINYINT:
                if (target == BOOL) {
                    return new TypeMapping(BOOL, ArrowType.Bool.INSTANCE, nullable, ReaderKind.BOOL_FROM_INT, PLAIN,
                            "", meta, false);
                }
                return integer(c, target, 8, t.looksBoolean()
                        ? "Looks like a boolean: written as Int8 so values 2..127 survive; map to bool if it only holds 0 and 1."
                        : "", meta);
            case SMALLINT:
                return integer(c, target, 16, "", meta);
            case MEDIUMINT:
            case INT:
                return integer(c, target, 32, t.unsigned()
                        ? "Readers without unsigned types see values above 2147483647 as negative; map to int64 for them."
                        : "", meta);
            case BIGINT:
                if (t.unsigned() && target == DECIMAL) {
                    return new TypeMapping(DECIMAL, new ArrowType.Decimal(20, 0, 128), nullable, ReaderKind.DECIMAL, PLAIN,
                            "", meta, false);
                }
                if (t.unsigned()) {
                    return new TypeMapping(DEFAULT, new ArrowType.Int(64, false), nullable, ReaderKind.UNSIGNED_BIGINT,
                            PLAIN, "Readers without unsigned types see values above 9223372036854775807 as negative; map to decimal for them.",
                            meta, false);
                }
                return integer(c, target, 64, "", meta);
            case YEAR:
                return new TypeMapping(target, new ArrowType.Int(target == INT64 ? 64 : 16, true), nullable,
                        ReaderKind.INTEGER, PLAIN, "", meta, false);
            case DECIMAL: {
                int p = t.precision();
                int s = t.scale();
                if (p <= 38) {
                    return new TypeMapping(DEFAULT, new ArrowType.Decimal(p, s, 128), nullable, ReaderKind.DECIMAL, PLAIN,
                            "", meta, false);
                }
                return new TypeMapping(DEFAULT, new ArrowType.Decimal(p, s, 256), nullable, ReaderKind.DECIMAL256, PLAIN,
                        "Exact, but many readers stop at 38 digits (DuckDB reads it as DOUBLE); map to utf8 to keep every digit readable everywhere.",
                        meta, false);
            }
            case FLOAT:
                if (target == FLOAT64) {
                    return new TypeMapping(FLOAT64, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), nullable,
                            ReaderKind.FLOAT64, FLOAT_EXACT, "", meta, false);
                }
                return new TypeMapping(DEFAULT, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), nullable,
                        ReaderKind.FLOAT32, FLOAT_EXACT, "", meta, false);
            case DOUBLE:
                return new TypeMapping(DEFAULT, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), nullable,
                        ReaderKind.FLOAT64, PLAIN, "", meta, false);
            case BIT:
                if (target == INT64) {
                    return new TypeMapping(INT64, new ArrowType.Int(64, true), nullable, ReaderKind.BIT_AS_UINT64, PLAIN,
                            "", meta, false);
                }
                if (target == FIXED_BINARY) {
                    return new TypeMapping(FIXED_BINARY, new ArrowType.FixedSizeBinary((t.length() + 7) / 8), nullable,
                            ReaderKind.BIT_AS_FIXED_BINARY, PLAIN, "", meta, false);
                }
                if (t.length() == 1) {
                    return new TypeMapping(DEFAULT, ArrowType.Bool.INSTANCE, nullable, ReaderKind.BIT_AS_BOOL, PLAIN, "", meta, false);
                }
                return new TypeMapping(DEFAULT, new ArrowType.Int(64, false), nullable, ReaderKind.BIT_AS_UINT64, PLAIN,
                        "", meta, false);
            case DATE:
                return new TypeMapping(DEFAULT, new ArrowType.Date(DateUnit.DAY), true, ReaderKind.DATE, PLAIN,
                        ZERO_DATES, meta, false);
            case DATETIME:
                return new TypeMapping(DEFAULT, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), true,
                        ReaderKind.TIMESTAMP, PLAIN, ZERO_DATES, meta, false);
            case TIMESTAMP:
                return new TypeMapping(DEFAULT, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), true,
                        ReaderKind.TIMESTAMP, PLAIN,
                        "The zero timestamp 0000-00-00 00:00:00 becomes NULL and is counted in the summary.", meta, false);
            case TIME:
                if (target == TIME64) {
                    return new TypeMapping(TIME64, new ArrowType.Time(TimeUnit.MICROSECOND, 64), nullable,
                            ReaderKind.TIME_OF_DAY, PLAIN,
                            "The export stops with a clear message at a value outside 00:00:00 to 23:59:59.999999.", meta, false);
                }
                return new TypeMapping(DEFAULT, new ArrowType.Duration(TimeUnit.MICROSECOND), nullable,
                        ReaderKind.TIME_AS_DURATION, PLAIN,
                        "Parquet has no duration type: stored as INT64 microseconds; Arrow readers get Duration back from the embedded Arrow schema.",
                        meta, false);
            case FIXED_BINARY:
                return new TypeMapping(DEFAULT, new ArrowType.FixedSizeBinary(t.length()), nullable, ReaderKind.FIXED_BINARY,
                        PLAIN, "", meta, false);
            case BINARY:
                return new TypeMapping(DEFAULT, ArrowType.Binary.INSTANCE, nullable, ReaderKind.BINARY, PLAIN, "", meta, false);
            case JSON:
                meta.put(TypeMapping.EXTENSION_NAME_KEY, "arrow.json");
                meta.put(TypeMapping.EXTENSION_META_KEY, "");
                return new TypeMapping(DEFAULT, ArrowType.Utf8.INSTANCE, nullable, ReaderKind.TEXT, PLAIN, "", meta, false);
            case ENUM:
            case SET:
                return new TypeMapping(DEFAULT, ArrowType.Utf8.INSTANCE, nullable, ReaderKind.TEXT, PLAIN, "", meta, true);
            case GEOMETRY:
                if (c.srid() >= 0) {
                    meta.put("sluice.srid", Integer.toString(c.srid()));
                }
                return new TypeMapping(DEFAULT, ArrowType.Binary.INSTANCE, nullable, ReaderKind.GEOMETRY, PLAIN,
                        "WKB without MySQL's 4-byte SRID prefix; the SRIDs seen are kept in the file's metadata (sluice.srid.<column>).",
                        meta, false);
            case TEXT:
            case UUID:
            case INET4:
            case INET6:
                return new TypeMapping(DEFAULT, ArrowType.Utf8.INSTANCE, nullable, ReaderKind.TEXT, PLAIN, "", meta, false);
            default:
                return new TypeMapping(DEFAULT, ArrowType.Utf8.INSTANCE, nullable, ReaderKind.TEXT, PLAIN,
                        "Sluice does not know the type " + t.dataType() + ": values are written as the server's text.",
                        meta, false);
        }
    }

    private static TypeMapping integer(ColumnInfo c, MappingTarget target, int bits, String note, Map<String, String> meta) {
        boolean unsigned = c.type().unsigned();
        if (target == INT64) {
            return new TypeMapping(INT64, new ArrowType.Int(64, true), c.nullable(), ReaderKind.INTEGER, PLAIN, "", meta, false);
        }
        return new TypeMapping(DEFAULT, new ArrowType.Int(bits, !unsigned), c.nullable(), ReaderKind.INTEGER, PLAIN, note,
                meta, false);
    }
}
