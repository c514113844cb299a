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
                return (out, row, def) -> out.write(d.getByte(row), 0, def);
            }
            case UINT1: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getByte(row) & 0xFF, 0, def);
            }
            case SMALLINT: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getShort(row * 2L), 0, def);
            }
            case UINT2: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getShort(row * 2L) & 0xFFFF, 0, def);
            }
            case INT:
            case UINT4:
            case DATEDAY: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getInt(row * 4L), 0, def);
            }
            case BIGINT:
            case UINT8:
            case TIMESTAMPMICRO:
            case TIMESTAMPMICROTZ:
            case TIMEMICRO:
            case DURATION: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getLong(row * 8L), 0, def);
            }
            case FLOAT4: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getFloat(row * 4L), 0, def);
            }
            case FLOAT8: {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getDouble(row * 8L), 0, def);
            }
            case BIT: {
                BitVector b = (BitVector) v;
                return (out, row, def) -> out.write(b.get(row) != 0, 0, def);
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
                return (out, row, def) -> out.write(Binary.fromConstantByteArray(f.get(row)), 0, def);
            }
            default:
                throw new IllegalArgumentException("No Parquet writer for Arrow " + v.getMinorType());
        }
    }

    private static ValueWriter decimal(DecimalVector v) {
        int precision = ((ArrowType.Decimal) v.getField().getType()).getPrecision();
        ArrowBuf d = v.getDataBuffer();
        if (precision <= 9) {
            return (out, row, def) -> out.write((int) d.getLong(row * 16L), 0, def);
        }
        if (precision <= 18) {
            return (out, row, def) -> out.write(d.getLong(row * 16L), 0, def);
        }
        int width = ParquetSchemas.decimalWidth((ArrowType.Decimal) v.getField().getType());
        return bigEndianFixed(v, 16, width);
    }

    /** Arrow decimals are little-endian two's complement; Parquet wants big-endian of {@code width} bytes. */
    private static ValueWriter bigEndianFixed(BaseFixedWidthVector v, int arrowWidth, int width) {
        ArrowBuf d = v.getDataBuffer();
        return (out, row, def) -> {
            byte[] be = new byte[width];
            long base = (long) row * arrowWidth;
            for (int i = 0; i < width; i++) {
                be[i] = d.getByte(base + width - 1 - i);
            }
            out.write(Binary.fromConstantByteArray(be), 0, def);
        };
    }

    /**
     * Copies each value into one scratch array handed over as a reused Binary: parquet-java copies
     * what it keeps (dictionary entries, min/max), so nothing is allocated per value.
     */
    private static ValueWriter variable(BaseVariableWidthVector v) {
        ArrowBuf offsets = v.getOffsetBuffer();
        ArrowBuf data = v.getDataBuffer();
        byte[][] scratch = {new byte[256]};
        return (out, row, def) -> {
            int start = offsets.getInt(row * 4L);
            int len = offsets.getInt((row + 1) * 4L) - start;
            byte[] b = scratch[0];
            if (b.length < len) {
                b = new byte[Math.max(len, b.length * 2)];
                scratch[0] = b;
            }
            data.getBytes(start, b, 0, len);
            out.write(Binary.fromReusedByteArray(b, 0, len), 0, def);
        };
    }
}
