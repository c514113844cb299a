package io.sluice.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RecyclingAllocatorTest {
    @Test
    void aReleasedArrayServesTheNextRequestItCanHoldAndLooksNew() {
        RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
        ByteBuffer first = pool.allocate(10_000);
        first.order(ByteOrder.LITTLE_ENDIAN).putInt(7).position(500);
        pool.release(first);
        assertEquals(10_000, pool.pooledBytes());

        ByteBuffer again = pool.allocate(6_000); // within twice the request: reused
        assertSame(first.array(), again.array());
        assertEquals(0, again.position());
        assertEquals(6_000, again.limit());
        assertEquals(6_000, again.capacity(), "as long as asked for, though the array is longer");
        assertEquals(ByteOrder.BIG_ENDIAN, again.order());
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void aRequestOfLessThanHalfAnArrayGetsANewOne() {
        RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
        ByteBuffer big = pool.allocate(100_000);
        pool.release(big);
        assertNotSame(big.array(), pool.allocate(40_000).array());
        assertSame(big.array(), pool.allocate(60_000).array());
    }

    @Test
    void aRepeatedOrForeignReleaseNeverHandsOneArrayToTwoUsers() {
        RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
        ByteBuffer b = pool.allocate(8_192);
        pool.release(b);
        pool.release(b);
        pool.release(ByteBuffer.allocate(8_192));
        pool.release(ByteBuffer.allocateDirect(8_192));
        assertEquals(8_192, pool.pooledBytes());
        ByteBuffer x = pool.allocate(8_192);
        ByteBuffer y = pool.allocate(8_192);
        assertNotSame(x.array(), y.array());
        assertFalse(pool.isDirect());
    }

    @Test
    void thePoolKeepsNoMoreThanItsBoundNorSmallArrays() {
        RecyclingAllocator pool = new RecyclingAllocator(20_000);
        ByteBuffer a = pool.allocate(12_000);
        ByteBuffer b = pool.allocate(12_000);
        ByteBuffer small = pool.allocate(RecyclingAllocator.MIN_POOLED - 1);
        pool.release(a);
        pool.release(b);
        pool.release(small);
        assertEquals(12_000, pool.pooledBytes());
    }
}
