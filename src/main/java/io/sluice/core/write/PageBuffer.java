package io.sluice.core.write;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.bytes.BytesInput;

/**
 * One page's PLAIN values, little-endian, in an array reused for every page of its column: memory
 * touched once rather than a fresh buffer a page (docs/benchmarks.md, seventh pass). parquet-java
 * copies a page's bytes while {@code writePage} runs, so the array is free again when it returns.
 * Plain shifts rather than a byte-array VarHandle: a VarHandle is slow until the JIT has compiled
 * its caller, and a 1 M-row export spends much of its time before that.
 */
final class PageBuffer {
    /**
     * Arrays larger than this are not kept for the next page: a page that held one huge value (a
     * 300 MB LONGBLOB) would otherwise pin its array until the file is closed, outside the heap the
     * row group's budget counts.
     */
    static final int KEEP_AT_MOST = 64 << 20;
    private static final int FIRST = 1 << 12;

    private byte[] bytes = new byte[FIRST];
    private int size;

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void reset() {
        size = 0;
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[FIRST];
        }
    }

    /** Room for {@code more} bytes past the end. */
    void ensure(int more) {
        long needed = (long) size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a Parquet page cannot hold more than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, bytes.length * 2L)));
        }
    }

    /** Call {@link #ensure} first. */
    void putInt(int v) {
        byte[] b = bytes;
        int at = size;
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
        size = at + 4;
    }

    /** Call {@link #ensure} first. */
    void putLong(long v) {
        putInt((int) v);
        putInt((int) (v >>> 32));
    }

    /** {@code length} bytes of an Arrow buffer, as they lie there. Call {@link #ensure} first. */
    void put(ArrowBuf from, long index, int length) {
        from.getBytes(index, bytes, size, length);
        size += length;
    }

    /** {@code length} bytes of an array. Call {@link #ensure} first. */
    void put(byte[] from, int index, int length) {
        System.arraycopy(from, index, bytes, size, length);
        size += length;
    }

    /** The bytes so far, valid until the next write. */
    BytesInput asBytesInput() {
        return BytesInput.from(bytes, 0, size);
    }
}
