package io.sluice.core.write;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * parquet-java's page buffers, given back and handed out again. Its column writers take new buffers
 * for every page and release them once the page is copied into the row group; with its heap
 * allocator each is a new array that the JVM zeroes and the kernel maps. On the blob table that was
 * 2.1 of the writer's 8.5 CPU-seconds (the profile). Released arrays of at least {@value #MIN_POOLED}
 * bytes wait here, up to a bound, for the next request they can hold without wasting more than half.
 *
 * <p>Only arrays this allocator handed out and that are not already waiting are taken back, so a
 * stray or repeated release cannot give one array to two users. One per file writer: not thread-safe.
 */
final class RecyclingAllocator implements ByteBufferAllocator {
    /** Smaller arrays are cheap to make new; pooling them would only fill the pool. */
    static final int MIN_POOLED = 4_096;

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
        byte[] array = size >= MIN_POOLED ? take(size) : null;
        if (array == null) {
            array = new byte[size];
        }
        if (array.length >= MIN_POOLED) {
            handedOut.add(array);
        }
        return ByteBuffer.wrap(array, 0, size).slice(); // a slice: its capacity is size even when the array is longer
    }

    private byte[] take(int size) {
        Map.Entry<Integer, ArrayDeque<byte[]>> fit = free.ceilingEntry(size);
        if (fit == null || fit.getKey() > 2L * size) {
            return null;
        }
        ArrayDeque<byte[]> arrays = fit.getValue();
        byte[] array = arrays.pop();
        if (arrays.isEmpty()) {
            free.remove(fit.getKey());
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
        if (!handedOut.remove(array) || pooledBytes + array.length > maxPooledBytes) {
            return; // not ours, already back, or the pool is full: the garbage collector takes it
        }
        free.computeIfAbsent(array.length, k -> new ArrayDeque<>()).push(array);
        pooledBytes += array.length;
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    long pooledBytes() {
        return pooledBytes;
    }
}
