package io.sluice.core.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.protocol.FullReadInputStream;
import com.mysql.cj.protocol.ReadAheadInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The driver's read-ahead buffer, widened while it holds unread bytes, and packets taken from it. */
class ReadAheadBufferTest {
    private static final int DRIVER_BUFFER = 16 * 1024;

    @Test
    void wideningKeepsTheUnreadBytesAndLetsOneReadTakeWhatTheSocketHolds() throws IOException {
        byte[] a = payload(10, 1);
        byte[] b = payload(100_000, 2); // longer than the driver's buffer, shorter than the wide one
        byte[] c = payload(5, 3);
        ReadAheadInputStream raw = new ReadAheadInputStream(new ByteArrayInputStream(concat(packet(a), packet(b), packet(c))),
                DRIVER_BUFFER, false, null);
        FullReadInputStream in = new FullReadInputStream(raw);
        int first = in.read(); // the driver fills its buffer: 16 KiB, most of it unread

        ReadAheadBuffer ahead = ReadAheadBuffer.of(in);
        assertNotNull(ahead);

        // packet a through the stream, from where the old buffer stood
        byte[] header = new byte[4];
        header[0] = (byte) first;
        in.readFully(header, 1, 3);
        assertEquals(a.length, length(header));
        byte[] readA = new byte[a.length];
        in.readFully(readA);
        assertArrayEquals(a, readA);

        // packet b lies partly in the buffer: through the stream. The driver reads what its buffer
        // lacks into its buffer when that is wider than the rest, else straight past it
        assertFalse(ahead.take(Integer.MAX_VALUE));
        in.readFully(header);
        assertEquals(b.length, length(header));
        byte[] readB = new byte[b.length];
        in.readFully(readB);
        assertArrayEquals(b, readB);

        // so packet c came along with b's tail and lies whole in the buffer
        assertTrue(ahead.take(Integer.MAX_VALUE), "the rest of the input should have been read into the widened buffer");
        assertArrayEquals(c, Arrays.copyOfRange(ahead.bytes(), ahead.start(), ahead.start() + ahead.length()));
        assertEquals(-1, in.read());
    }

    @Test
    void aBufferWidenedBeforeIsLeftAsItIs() throws IOException {
        byte[] a = payload(20_000, 4);
        ReadAheadInputStream raw = new ReadAheadInputStream(new ByteArrayInputStream(packet(a)), DRIVER_BUFFER, false, null);
        FullReadInputStream in = new FullReadInputStream(raw);
        ReadAheadBuffer.of(in);
        byte[] header = new byte[4];
        in.readFully(header); // fills the wide buffer with the whole packet
        ReadAheadBuffer again = ReadAheadBuffer.of(in); // e.g. the next result on the same connection
        byte[] readA = new byte[length(header)];
        in.readFully(readA);
        assertArrayEquals(a, readA);
        assertFalse(again.take(Integer.MAX_VALUE));
    }

    private static byte[] payload(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (i * 31 + seed);
        }
        return p;
    }

    private static byte[] packet(byte[] payload) {
        byte[] p = new byte[4 + payload.length];
        p[0] = (byte) payload.length;
        p[1] = (byte) (payload.length >> 8);
        p[2] = (byte) (payload.length >> 16);
        System.arraycopy(payload, 0, p, 4, payload.length);
        return p;
    }

    private static int length(byte[] header) {
        return (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }
}
