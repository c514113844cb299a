package io.sluice.core.read;

import io.sluice.core.types.TypeMapping;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Picks the reader class of a mapping. */
public final class ColumnReaders {
    private ColumnReaders() {}

    public static ColumnReader<?> create(String column, TypeMapping mapping) {
        ArrowType type = mapping.arrowType();
        switch (mapping.reader()) {
            case INTEGER:
                return new IntegerReader(column, ((ArrowType.Int) type).getBitWidth() / 8);
            case UNSIGNED_BIGINT:
                return new UnsignedBigIntReader(column);
            case BOOL_FROM_INT:
                return new BoolFromIntReader(column);
            case FLOAT32:
                return new Float32Reader(column);
            case FLOAT64:
                return new Float64Reader(column);
            case DECIMAL:
                return new DecimalReader(column, ((ArrowType.Decimal) type).getPrecision());
            case DECIMAL256:
                return new Decimal256Reader(column);
            case BIT_AS_UINT64:
                return new BitReaders.AsInteger(column);
            case BIT_AS_BOOL:
                return new BitReaders.AsBool(column);
            case BIT_AS_FIXED_BINARY:
                return new BitReaders.AsFixedBinary(column, ((ArrowType.FixedSizeBinary) type).getByteWidth());
            case DATE:
                return new DateReader(column);
            case TIMESTAMP:
                return new TimestampReader(column);
            case TIME_AS_DURATION:
                return new TimeReaders.AsDuration(column);
            case TIME_OF_DAY:
                return new TimeReaders.AsTimeOfDay(column);
            case TEXT:
            case BINARY:
                return new BytesReaders.Variable(column);
            case FIXED_BINARY:
                return new BytesReaders.Fixed(column);
            case GEOMETRY:
                return new GeometryReader(column);
            default:
                throw new IllegalStateException("no reader for " + mapping.reader());
        }
    }
}
