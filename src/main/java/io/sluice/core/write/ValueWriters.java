package io.sluice.core.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.io.api.Binary;

/**
 * One writer per Arrow vector type, reading the vector's buffers directly. Must agree with
 * {@link ParquetSchemas} on the physical type of each Arrow type.
 */
final class ValueWriters {
    private ValueWriters() {}

    static ValueWriter forVector(FieldVector v) {
        switch (v.getMinorType()) {
            case TINYINT: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addInteger(d.getByte(row));
            }
            case UINT1: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addInteger(d.getByte(row) & 0xFF);
            }
            case SMALLINT: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addInteger(d.getShort(row * 2L));
            }
            case UINT2: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addInteger(d.getShort(row * 2L) & 0xFFFF);
            }
            case INT:
            case UINT4:
            case DATEDAY: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addInteger(d.getInt(row * 4L));
            }
            case BIGINT:
            case UINT8:
            case TIMESTAMPMICRO:
            case TIMESTAMPMICROTZ:
            case TIMEMICRO:
            case DURATION: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addLong(d.getLong(row * 8L));
            }
            case FLOAT4: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addFloat(d.getFloat(row * 4L));
            }
            case FLOAT8: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row) -> out.addDouble(d.getDouble(row * 8L));
            }
            case BIT: {
                BitVector b = (BitVector) v;
                return (out, row) -> out.addBoolean(b.get(row) != 0);
            }
            case DECIMAL:
                return decimal((DecimalVector) v);
            case DECIMAL256:
                return bigEndianFixed((BaseFixedWidthVector) v, 32, ParquetSchemas.DECIMAL256_WIDTH);
            case VARCHAR:
            case VARBINARY:
                return variable((BaseVariableWidthVector) v);
            case FIXEDSIZEBINARY: {
                FixedSizeBinaryVector f = (FixedSizeBinaryVector) v;
                return (out, row) -> out.addBinary(Binary.fromConstantByteArray(f.get(row)));
            }
            default:
                throw new IllegalArgumentException("No Parquet writer for Arrow " + v.getMinorType());
        }
    }

    private static ValueWriter decimal(DecimalVector v) {
        int precision = ((ArrowType.Decimal) v.getField().getType()).getPrecision();
        ArrowBuf d = v.getDataBuffer();
        if (precision <= 9) {
            return (out, row) -> out.addInteger((int) d.getLong(row * 16L));
        }
        if (precision <= 18) {
            return (out, row) -> out.addLong(d.getLong(row * 16L));
        }
        int width = ParquetSchemas.decimalWidth((ArrowType.Decimal) v.getField().getType());
        return bigEndianFixed(v, 16, width);
    }

    /** Arrow decimals are little-endian two's complement; Parquet wants big-endian of {@code width} bytes. */
    private static ValueWriter bigEndianFixed(BaseFixedWidthVector v, int arrowWidth, int width) {
        ArrowBuf d = v.getDataBuffer();
        return (out, row) -> {
            byte[] be = new byte[width];
            long base = (long) row * arrowWidth;
            for (int i = 0; i < width; i++) {
                be[i] = d.getByte(base + width - 1 - i);
            }
            out.addBinary(Binary.fromConstantByteArray(be));
        };
    }

    private static ValueWriter variable(BaseVariableWidthVector v) {
        return (out, row) -> {
            ArrowBuf offsets = v.getOffsetBuffer();
            int start = offsets.getInt(row * 4L);
            int end = offsets.getInt((row + 1) * 4L);
            byte[] b = new byte[end - start];
            v.getDataBuffer().getBytes(start, b);
            out.addBinary(Binary.fromConstantByteArray(b));
        };
    }
}
