package io.sluice.core.write;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * Which columns Sluice writes the pages of itself ({@link PageColumn}): those whose Arrow layout and
 * Parquet type are one of the pairs {@link ValueWriters} writes value by value, read the same way,
 * in PLAIN pages or, for a column of few distinct values, dictionary-encoded. Every other column
 * (booleans, floats with a dictionary, fixed-length binary, big-endian decimals) keeps parquet-java's
 * column writer.
 */
final class PageColumns {
    private PageColumns() {}

    /**
     * The column's own dictionary-encoding writer (PLAIN once the dictionary outgrows its page), or
     * null when parquet-java's writer keeps it.
     */
    static PageColumn dictionary(ColumnDescriptor column, FieldVector vector, ParquetProperties properties) {
        PageColumn plain = plain(column, vector, properties);
        if (plain instanceof PlainInt32Column int32) {
            return new DictionaryLongColumn(column, properties, int32.source(), int32.stride(), plain);
        }
        if (plain instanceof PlainInt64Column int64) {
            return new DictionaryLongColumn(column, properties, null, int64.stride(), plain);
        }
        if (plain instanceof PlainBinaryColumn) {
            return new DictionaryBinaryColumn(column, properties, plain);
        }
        return null;
    }

    /** The column's own PLAIN writer, or null when parquet-java's writer keeps it. */
    static PageColumn plain(ColumnDescriptor column, FieldVector vector, ParquetProperties properties) {
        if (column.getMaxRepetitionLevel() > 0 || column.getMaxDefinitionLevel() > 1) {
            return null;
        }
        ArrowType arrow = vector.getField().getType();
        return switch (column.getPrimitiveType().getPrimitiveTypeName()) {
            case INT32 -> int32(column, vector, arrow, properties);
            case INT64 -> int64(column, vector, arrow, properties);
            case FLOAT -> vector instanceof Float4Vector ? new PlainFloatingColumn(column, properties, 4) : null;
            case DOUBLE -> vector instanceof Float8Vector ? new PlainFloatingColumn(column, properties, 8) : null;
            case BINARY -> binary(column, vector, properties);
            default -> null;
        };
    }

    private static PageColumn int32(ColumnDescriptor column, FieldVector vector, ArrowType arrow, ParquetProperties properties) {
        if (!(vector instanceof BaseFixedWidthVector fixed)) {
            return null;
        }
        int width = fixed.getTypeWidth();
        PlainInt32Column.Source source;
        if (arrow instanceof ArrowType.Decimal) {
            source = PlainInt32Column.Source.LOW_INT32_OF_WIDER;
        } else if (width == 4) {
            source = PlainInt32Column.Source.INT32;
        } else if (arrow instanceof ArrowType.Int i && width == 2) {
            source = i.getIsSigned() ? PlainInt32Column.Source.INT16 : PlainInt32Column.Source.UINT16;
        } else if (arrow instanceof ArrowType.Int i && width == 1) {
            source = i.getIsSigned() ? PlainInt32Column.Source.INT8 : PlainInt32Column.Source.UINT8;
        } else {
            return null;
        }
        return new PlainInt32Column(column, properties, source, width);
    }

    private static PageColumn int64(ColumnDescriptor column, FieldVector vector, ArrowType arrow, ParquetProperties properties) {
        if (!(vector instanceof BaseFixedWidthVector fixed)) {
            return null;
        }
        int width = fixed.getTypeWidth();
        return width == 8 || arrow instanceof ArrowType.Decimal && width > 8 ? new PlainInt64Column(column, properties, width) : null;
    }

    /** Strings, JSON and plain binary: the types whose order is unsigned byte order, with no statistics of their own. */
    private static PageColumn binary(ColumnDescriptor column, FieldVector vector, ParquetProperties properties) {
        LogicalTypeAnnotation logical = column.getPrimitiveType().getLogicalTypeAnnotation();
        boolean plainBytes = logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
        if (!plainBytes || !(vector instanceof BaseVariableWidthVector)
                || !PrimitiveComparator.UNSIGNED_LEXICOGRAPHICAL_BINARY_COMPARATOR.equals(column.getPrimitiveType().comparator())) {
            return null;
        }
        return new PlainBinaryColumn(column, properties);
    }
}
