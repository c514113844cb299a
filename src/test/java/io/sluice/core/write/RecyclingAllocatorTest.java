package io.sluice.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RecyclingAllocatorTest {
    @Test
    void aReleasedArrayServesTheNextRequestItFitsAndIsShapedLikeANewBuffer() {
        RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
        ByteBuffer first = pool.allocate(10_000);
        assertEquals(10_240, first.array().length, "ten eighths of 8,192");
        first.order(ByteOrder.LITTLE_ENDIAN).putInt(7).position(500);
        pool.release(first);
        assertEquals(10_240, pool.pooledBytes());

        ByteBuffer again = pool.allocate(9_300); // the same size class: reused
        assertSame(first.array(), again.array());
        assertEquals(0, again.position());
        assertEquals(9_300, again.limit());
        assertEquals(9_300, again.capacity(), "as long as asked for, though the array is longer");
        assertEquals(0, again.arrayOffset());
        assertEquals(ByteOrder.BIG_ENDIAN, again.order());
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void underTestsAReleasedArrayIsJunkSoAUseAfterReleaseCannotGoUnnoticed() {
        RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
        ByteBuffer b = pool.allocate(8_192);
        b.put(0, (byte) 1);
        pool.release(b);
        assertEquals(0x5A, b.array()[0], "surefire runs with assertions on");
        assertEquals(0x5A, b.array()[8_191]);
    }

    @Test
    void sizeClassesWasteAtMostAnEighthAndAnotherClassGetsANewArray() {
        for (int size : new int[] {4_096, 4_097, 5_000, 65_535, 65_536, 1_000_000, 3_200_000, 1 << 30}) {
            int length = RecyclingAllocator.sizeClass(size);
            assertTrue(length >= size && length - size <= size / 8, size + " -> " + length);
        }
        assertEquals(100, RecyclingAllocator.sizeClass(100), "small arrays are made as asked");
        RecyclingAllocator pool = new RecyclingAllocator(1 << 20);
        ByteBuffer big = pool.allocate(100_000);
        pool.release(big);
        assertNotSame(big.array(), pool.allocate(90_000).array());
        assertSame(big.array(), pool.allocate(99_000).array());
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
    void thePoolKeepsNoMoreThanItsBoundNorSmallArraysAndTheLargestMakeRoom() {
        RecyclingAllocator pool = new RecyclingAllocator(20_000);
        ByteBuffer large = pool.allocate(15_000);
        ByteBuffer small = pool.allocate(8_000);
        ByteBuffer tiny = pool.allocate(RecyclingAllocator.MIN_POOLED - 1);
        ByteBuffer huge = pool.allocate(30_000);
        pool.release(large);
        pool.release(small); // 23,000 > 20,000: the 15,000 goes
        pool.release(tiny);
        pool.release(huge); // longer than the bound: never kept
        assertEquals(8_192, pool.pooledBytes(), "the 8,000 request's array is of the 8,192 class");
        assertNotSame(large.array(), pool.allocate(15_000).array());
        assertSame(small.array(), pool.allocate(8_000).array());
    }
}
