package io.sluice.core.write;

import io.sluice.core.types.DecimalLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.parquet.io.api.Binary;

/**
 * The value writers a type rule can choose, reading the Arrow vector's buffers directly. Each reads
 * the Arrow layout its name says and writes the Parquet physical type the rule declared with it.
 */
public final class ValueWriters {
    private ValueWriters() {}

    public static ValueWriter.Factory int8() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getByte(row), 0, def);
        };
    }

    public static ValueWriter.Factory uint8() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getByte(row) & 0xFF, 0, def);
        };
    }

    public static ValueWriter.Factory int16() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getShort(row * 2L), 0, def);
        };
    }

    public static ValueWriter.Factory uint16() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getShort(row * 2L) & 0xFFFF, 0, def);
        };
    }

    /** Int32, UInt32 (the same 32 bits) and Date32. */
    public static ValueWriter.Factory int32() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getInt(row * 4L), 0, def);
        };
    }

    /** Int64, UInt64, timestamps, times and durations: 8 bytes a value. */
    public static ValueWriter.Factory int64() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getLong(row * 8L), 0, def);
        };
    }

    public static ValueWriter.Factory float32() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getFloat(row * 4L), 0, def);
        };
    }

    public static ValueWriter.Factory float64() {
        return v -> {
            ArrowBuf d = v.getDataBuffer();
            return (out, row, def) -> out.write(d.getDouble(row * 8L), 0, def);
        };
    }

    public static ValueWriter.Factory bool() {
        return v -> {
            BitVector b = (BitVector) v;
            return (out, row, def) -> out.write(b.get(row) != 0, 0, def);
        };
    }

    /** Arrow decimals into INT32, INT64 or big-endian FIXED_LEN_BYTE_ARRAY, as {@link DecimalLayout} says. */
    public static ValueWriter.Factory decimal(int precision) {
        int arrowWidth = DecimalLayout.arrowByteWidth(precision);
        if (DecimalLayout.fitsInt(precision)) {
            return v -> {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write((int) d.getLong(row * (long) arrowWidth), 0, def);
            };
        }
        if (DecimalLayout.fitsLong(precision)) {
            return v -> {
                ArrowBuf d = v.getDataBuffer();
                return (out, row, def) -> out.write(d.getLong(row * (long) arrowWidth), 0, def);
            };
        }
        int width = DecimalLayout.fixedWidth(precision);
        return v -> bigEndianFixed(v.getDataBuffer(), arrowWidth, width);
    }

    /** Arrow decimals are little-endian two's complement; Parquet wants big-endian of {@code width} bytes. */
    private static ValueWriter bigEndianFixed(ArrowBuf d, int arrowWidth, int width) {
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
     * Values at least this long get an array of their own. parquet-java's statistics copy a reused
     * array's value whenever it becomes a page's minimum or maximum, and a value this long is about a
     * page by itself: two copies per value on the blob table (1.9 CPU-s of 16), where a value of its
     * own is kept by reference.
     */
    static final int OWN_ARRAY_BYTES = 512 * 1024;

    /**
     * Utf8 and Binary: each value shorter than {@link #OWN_ARRAY_BYTES} is copied into one scratch
     * array handed over as a reused Binary; parquet-java copies what it keeps (dictionary entries,
     * min/max), so nothing is allocated per value. Longer values get an array of their own.
     */
    public static ValueWriter.Factory variable() {
        return v -> {
            BaseVariableWidthVector vv = (BaseVariableWidthVector) v;
            ArrowBuf offsets = vv.getOffsetBuffer();
            ArrowBuf data = vv.getDataBuffer();
            byte[][] scratch = {new byte[256]};
            return (out, row, def) -> {
                int start = offsets.getInt(row * 4L);
                int len = offsets.getInt((row + 1) * 4L) - start;
                if (len >= OWN_ARRAY_BYTES) {
                    byte[] own = new byte[len];
                    data.getBytes(start, own, 0, len);
                    out.write(Binary.fromConstantByteArray(own), 0, def);
                    return;
                }
                byte[] b = scratch[0];
                if (b.length < len) {
                    b = new byte[Math.max(len, b.length * 2)];
                    scratch[0] = b;
                }
                data.getBytes(start, b, 0, len);
                out.write(Binary.fromReusedByteArray(b, 0, len), 0, def);
            };
        };
    }

    public static ValueWriter.Factory fixedBinary() {
        return v -> {
            FixedSizeBinaryVector f = (FixedSizeBinaryVector) v;
            return (out, row, def) -> out.write(Binary.fromConstantByteArray(f.get(row)), 0, def);
        };
    }
}
