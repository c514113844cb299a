package io.sluice.core.write;

import io.sluice.core.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/** Arrow schema → Parquet schema, the one place that decides physical types and annotations. */
public final class ParquetSchemas {
    /** DuckDB misreads DECIMAL(p>38) in FIXED_LEN_BYTE_ARRAY narrower than 32 bytes (TESTING.md §5). */
    static final int DECIMAL256_WIDTH = 32;

    private ParquetSchemas() {}

    public static MessageType toParquet(Schema schema) {
        List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            fields.add(toParquet(f));
        }
        return new MessageType("schema", fields);
    }

    public static PrimitiveType toParquet(Field field) {
        Repetition rep = field.isNullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        ArrowType t = field.getType();
        String name = field.getName();
        if (t instanceof ArrowType.Int i) {
            PrimitiveTypeName p = i.getBitWidth() == 64 ? PrimitiveTypeName.INT64 : PrimitiveTypeName.INT32;
            return Types.primitive(p, rep).as(LogicalTypeAnnotation.intType(i.getBitWidth(), i.getIsSigned())).named(name);
        }
        if (t instanceof ArrowType.Bool) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        }
        if (t instanceof ArrowType.FloatingPoint fp) {
            PrimitiveTypeName p = fp.getPrecision() == FloatingPointPrecision.SINGLE
                    ? PrimitiveTypeName.FLOAT : PrimitiveTypeName.DOUBLE;
            return Types.primitive(p, rep).named(name);
        }
        if (t instanceof ArrowType.Decimal d) {
            LogicalTypeAnnotation a = LogicalTypeAnnotation.decimalType(d.getScale(), d.getPrecision());
            if (d.getPrecision() <= 9) {
                return Types.primitive(PrimitiveTypeName.INT32, rep).as(a).named(name);
            }
            if (d.getPrecision() <= 18) {
                return Types.primitive(PrimitiveTypeName.INT64, rep).as(a).named(name);
            }
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(decimalWidth(d)).as(a).named(name);
        }
        if (t instanceof ArrowType.Date) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
        }
        if (t instanceof ArrowType.Timestamp ts) {
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(ts.getTimezone() != null, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(name);
        }
        if (t instanceof ArrowType.Time) {
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        }
        if (t instanceof ArrowType.Duration) {
            // Parquet has no duration; the embedded Arrow schema tells Arrow readers what it is.
            return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
        }
        if (t instanceof ArrowType.Utf8) {
            boolean json = "arrow.json".equals(field.getMetadata().get(TypeMapping.EXTENSION_NAME_KEY));
            return Types.primitive(PrimitiveTypeName.BINARY, rep)
                    .as(json ? LogicalTypeAnnotation.jsonType() : LogicalTypeAnnotation.stringType()).named(name);
        }
        if (t instanceof ArrowType.Binary) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
        }
        if (t instanceof ArrowType.FixedSizeBinary fb) {
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(fb.getByteWidth()).named(name);
        }
        throw new IllegalArgumentException("No Parquet type for Arrow " + t);
    }

    /** FLBA width of a decimal: minimal for p ≤ 38, 32 bytes above. */
    static int decimalWidth(ArrowType.Decimal d) {
        if (d.getPrecision() > 38) {
            return DECIMAL256_WIDTH;
        }
        int bytes = 1;
        while (Math.pow(2, 8 * bytes - 1) < Math.pow(10, d.getPrecision())) {
            bytes++;
        }
        return bytes;
    }

    /** e.g. {@code INT32 INTEGER(8,true)}, {@code FIXED_LEN_BYTE_ARRAY(32) DECIMAL(65,30)}. */
    public static String describe(Field field) {
        PrimitiveType p = toParquet(field);
        StringBuilder sb = new StringBuilder(p.getPrimitiveTypeName().name());
        if (p.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            sb.append('(').append(p.getTypeLength()).append(')');
        }
        if (p.getLogicalTypeAnnotation() != null) {
            sb.append(' ').append(p.getLogicalTypeAnnotation());
        }
        return sb.toString();
    }
}
