package io.sluice.core.service;

import io.sluice.core.mapping.TypeMapping;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Sluice's mapping as a Spark JDBC {@code customSchema}, so a Spark job that reads the same table
 * (a chunk, say) gets the types Sluice writes. Spark has no unsigned types: each unsigned type goes
 * one size up, BIGINT UNSIGNED to DECIMAL(20,0); a TIME stays text, since Spark has no duration to
 * read it into.
 */
public final class SparkSchema {
    private SparkSchema() {}

    /** e.g. {@code `id` BIGINT, `total` DECIMAL(14,4), `at` TIMESTAMP_NTZ}. */
    public static String customSchema(List<ColumnDetails> columns) {
        return columns.stream().map(c -> "`" + c.name().replace("`", "``") + "` " + sparkType(c.mapping()))
                .collect(Collectors.joining(", "));
    }

    static String sparkType(TypeMapping m) {
        ArrowType t = m.arrowType();
        if (t instanceof ArrowType.Int i) {
            int bits = i.getIsSigned() ? i.getBitWidth() : i.getBitWidth() * 2;
            return switch (bits) {
                case 8 -> "BYTE";
                case 16 -> "SHORT";
                case 32 -> "INT";
                case 64 -> "BIGINT";
                default -> "DECIMAL(20,0)";
            };
        }
        if (t instanceof ArrowType.Decimal d) {
            return d.getPrecision() <= 38 ? "DECIMAL(" + d.getPrecision() + "," + d.getScale() + ")" : "STRING";
        }
        if (t instanceof ArrowType.FloatingPoint f) {
            return f.getPrecision() == FloatingPointPrecision.SINGLE ? "FLOAT" : "DOUBLE";
        }
        if (t instanceof ArrowType.Bool) {
            return "BOOLEAN";
        }
        if (t instanceof ArrowType.Date) {
            return "DATE";
        }
        if (t instanceof ArrowType.Timestamp ts) {
            return ts.getTimezone() == null ? "TIMESTAMP_NTZ" : "TIMESTAMP";
        }
        if (t instanceof ArrowType.Binary || t instanceof ArrowType.FixedSizeBinary) {
            return "BINARY";
        }
        return "STRING";
    }
}
