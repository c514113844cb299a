package io.sluice.core.write;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * parquet-java's page buffers, given back and handed out again. Its column writers take new buffers
 * for every page and release them once the page is copied into the row group's buffer, which is
 * released when the row group is written; with its heap allocator each is a new array that the JVM
 * zeroes and the kernel maps. On the blob table that was 2.1 of the writer's 8.5 CPU-seconds (the
 * profile). Arrays of at least {@value #MIN_POOLED} bytes are made in size classes, eight between
 * two powers of two, so a request gets at most an eighth more than it asked for (parquet-java counts
 * the bytes it asked for: the heap it measures stays close to the heap it uses) and a released array
 * serves any later request of its class, though page sizes vary a little from page to page. They
 * wait here, up to a bound, the largest making room.
 *
 * <p>Only arrays this allocator handed out are taken back, and only once per hand-out: a stray
 * release is ignored. (A late second release of an array already handed out again cannot be told
 * apart; parquet-java 1.18 releases each buffer once and clears its lists when it does.) With
 * assertions on, as in the tests, a released array is filled with junk, so a use after release or a
 * reliance on zeroed memory shows up as a wrong value read back. Used by one thread at a time.
 */
final class RecyclingAllocator implements ByteBufferAllocator {
    /** Smaller arrays are cheap to make new; pooling them would only fill the pool. */
    static final int MIN_POOLED = 4_096;
    private static final boolean SCRIBBLE = RecyclingAllocator.class.desiredAssertionStatus();

    private final long maxPooledBytes;
    private final TreeMap<Integer, ArrayDeque<byte[]>> free = new TreeMap<>();
    /** Arrays compare by identity; weak, so one parquet-java never gives back is not kept alive here. */
    private final Set<byte[]> handedOut = Collections.newSetFromMap(new WeakHashMap<>());
    private long pooledBytes;

    RecyclingAllocator(long maxPooledBytes) {
        this.maxPooledBytes = maxPooledBytes;
    }

    /**
     * A buffer as {@link ByteBuffer#allocate} gives one (position 0, limit and capacity {@code size},
     * big-endian), except that a reused one is not zeroed: parquet-java writes before it reads.
     */
    @Override
    public ByteBuffer allocate(int size) {
        int length = sizeClass(size);
        byte[] array = length >= MIN_POOLED ? take(length) : null;
        if (array == null) {
            array = new byte[length];
        }
        if (length >= MIN_POOLED) {
            handedOut.add(array);
        }
        return ByteBuffer.wrap(array, 0, size).slice(); // a slice: its capacity is size though the array may be longer
    }

    /** The array length that holds {@code size}: a multiple of an eighth of its highest power of two. */
    static int sizeClass(int size) {
        if (size < MIN_POOLED) {
            return size;
        }
        long step = Integer.highestOneBit(size) >> 3;
        long length = (size + step - 1) / step * step;
        return length > Integer.MAX_VALUE - 8 ? size : (int) length;
    }

    private byte[] take(int length) {
        ArrayDeque<byte[]> arrays = free.get(length);
        if (arrays == null) {
            return null;
        }
        byte[] array = arrays.pop();
        if (arrays.isEmpty()) {
            free.remove(length);
        }
        pooledBytes -= array.length;
        return array;
    }

    @Override
    public void release(ByteBuffer b) {
        if (!b.hasArray()) {
            return;
        }
        byte[] array = b.array();
        if (!handedOut.remove(array)) {
            return; // not ours, or already back
        }
        if (SCRIBBLE) {
            Arrays.fill(array, (byte) 0x5A);
        }
        if (array.length > maxPooledBytes) {
            return; // the garbage collector takes it
        }
        while (pooledBytes + array.length > maxPooledBytes) {
            evictLargest();
        }
        free.computeIfAbsent(array.length, k -> new ArrayDeque<>()).push(array);
        pooledBytes += array.length;
    }

    private void evictLargest() {
        Map.Entry<Integer, ArrayDeque<byte[]>> largest = free.lastEntry();
        largest.getValue().pop();
        if (largest.getValue().isEmpty()) {
            free.remove(largest.getKey());
        }
        pooledBytes -= largest.getKey();
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    long pooledBytes() {
        return pooledBytes;
    }
}
