package io.sluice.core.mapping;

import io.sluice.core.types.DecimalLayout;
import io.sluice.core.write.ValueWriter;
import io.sluice.core.write.ValueWriters;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * How values are laid out once read: the Arrow type in the middle, the Parquet physical type and
 * annotation in the file, and the value writer between them. Type rules choose among these; each
 * factory here keeps the three in agreement, so a rule cannot pair an Arrow type with the wrong
 * Parquet type or writer.
 *
 * @param fixedLength the width of a FIXED_LEN_BYTE_ARRAY, else 0
 * @param logical the Parquet annotation, or null for none
 */
public record Encoding(ArrowType arrow, PrimitiveTypeName physical, int fixedLength, LogicalTypeAnnotation logical,
                       ValueWriter.Factory writer) {

    /** The Parquet column of this encoding. */
    public PrimitiveType parquetType(String name, boolean nullable) {
        Types.PrimitiveBuilder<PrimitiveType> b = Types.primitive(physical, nullable ? Repetition.OPTIONAL : Repetition.REQUIRED);
        if (fixedLength > 0) {
            b = b.length(fixedLength);
        }
        if (logical != null) {
            b = b.as(logical);
        }
        return b.named(name);
    }

    static Encoding integer(int bits, boolean signed) {
        ValueWriter.Factory w = switch (bits) {
            case 8 -> signed ? ValueWriters.int8() : ValueWriters.uint8();
            case 16 -> signed ? ValueWriters.int16() : ValueWriters.uint16();
            case 32 -> ValueWriters.int32();
            default -> ValueWriters.int64();
        };
        return new Encoding(new ArrowType.Int(bits, signed), bits == 64 ? PrimitiveTypeName.INT64 : PrimitiveTypeName.INT32, 0,
                LogicalTypeAnnotation.intType(bits, signed), w);
    }

    static Encoding bool() {
        return new Encoding(ArrowType.Bool.INSTANCE, PrimitiveTypeName.BOOLEAN, 0, null, ValueWriters.bool());
    }

    static Encoding float32() {
        return new Encoding(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), PrimitiveTypeName.FLOAT, 0, null,
                ValueWriters.float32());
    }

    static Encoding float64() {
        return new Encoding(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), PrimitiveTypeName.DOUBLE, 0, null,
                ValueWriters.float64());
    }

    /** Precision decides the Arrow width and the Parquet physical type ({@link DecimalLayout}). */
    static Encoding decimal(int precision, int scale) {
        PrimitiveTypeName physical = DecimalLayout.fitsInt(precision) ? PrimitiveTypeName.INT32
                : DecimalLayout.fitsLong(precision) ? PrimitiveTypeName.INT64 : PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        int width = physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? DecimalLayout.fixedWidth(precision) : 0;
        return new Encoding(new ArrowType.Decimal(precision, scale, DecimalLayout.arrowBitWidth(precision)), physical, width,
                LogicalTypeAnnotation.decimalType(scale, precision), ValueWriters.decimal(precision));
    }

    static Encoding date() {
        return new Encoding(new ArrowType.Date(DateUnit.DAY), PrimitiveTypeName.INT32, 0, LogicalTypeAnnotation.dateType(),
                ValueWriters.int32());
    }

    /** Microseconds; with a zone the instant is UTC-adjusted, without one it is wall-clock time. */
    static Encoding timestamp(String zone) {
        return new Encoding(new ArrowType.Timestamp(TimeUnit.MICROSECOND, zone), PrimitiveTypeName.INT64, 0,
                LogicalTypeAnnotation.timestampType(zone != null, LogicalTypeAnnotation.TimeUnit.MICROS), ValueWriters.int64());
    }

    static Encoding timeOfDay() {
        return new Encoding(new ArrowType.Time(TimeUnit.MICROSECOND, 64), PrimitiveTypeName.INT64, 0,
                LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MICROS), ValueWriters.int64());
    }

    /** Parquet has no duration: plain INT64; the embedded Arrow schema tells Arrow readers what it is. */
    static Encoding duration() {
        return new Encoding(new ArrowType.Duration(TimeUnit.MICROSECOND), PrimitiveTypeName.INT64, 0, null, ValueWriters.int64());
    }

    static Encoding utf8() {
        return new Encoding(ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, 0, LogicalTypeAnnotation.stringType(),
                ValueWriters.variable());
    }

    static Encoding json() {
        return new Encoding(ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, 0, LogicalTypeAnnotation.jsonType(),
                ValueWriters.variable());
    }

    static Encoding binary() {
        return new Encoding(ArrowType.Binary.INSTANCE, PrimitiveTypeName.BINARY, 0, null, ValueWriters.variable());
    }

    static Encoding fixedBinary(int width) {
        return new Encoding(new ArrowType.FixedSizeBinary(width), PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, width, null,
                ValueWriters.fixedBinary());
    }
}
