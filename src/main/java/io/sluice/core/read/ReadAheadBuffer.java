package io.sluice.core.read;

import com.mysql.cj.protocol.FullReadInputStream;
import com.mysql.cj.protocol.ReadAheadInputStream;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Whole packets taken where they lie in Connector/J's read-ahead buffer (widened here from 16 KiB to
 * 256 KiB, filled from the socket), without a copy and without the stream's lock.
 *
 * <p>Why: reading a row through the stream costs two locked calls (header, payload), and on the
 * narrow table their {@code ReentrantLock} alone took a fifth of the reading thread's CPU. Most
 * packets lie whole in the buffer; those that do not, and every packet when the input is not a
 * read-ahead stream (TLS, compression) or the buffer is not reachable, are read through the stream
 * as before. Only the thread reading the result touches the buffer, as with the stream itself.
 */
final class ReadAheadBuffer {
    private static final VarHandle[] FIELDS = DriverFields.find(ReadAheadInputStream.class,
            "reading every packet through the stream",
            "buf", byte[].class, "currentPosition", int.class, "endOfCurrentData", int.class);
    private static final VarHandle BUF = DriverFields.at(FIELDS, 0);
    private static final VarHandle POSITION = DriverFields.at(FIELDS, 1);
    private static final VarHandle END = DriverFields.at(FIELDS, 2);

    private final ReadAheadInputStream stream;
    /** Where the last packet taken lies: its bytes, where its payload starts, and the payload's length. */
    private byte[] bytes;
    private int start;
    private int length;

    private ReadAheadBuffer(ReadAheadInputStream stream) {
        this.stream = stream;
    }

    /**
     * The buffer under {@code in}, widened to {@link #WIDE_BYTES}, or null when it is not a reachable
     * read-ahead stream. Call on the thread that reads the stream, between two packets.
     */
    static ReadAheadBuffer of(FullReadInputStream in) {
        if (BUF == null || !(in.getUnderlyingStream() instanceof ReadAheadInputStream ahead)) {
            return null;
        }
        widen(ahead);
        return new ReadAheadBuffer(ahead);
    }

    /**
     * The driver's buffer is 16 KiB, and it fills it with what the socket has, at most that: on the
     * narrow table that was one {@code read} and one {@code ioctl} call for every 16 KiB, 0.2 of the
     * reading thread's 1.4 CPU-s (the profile in docs/benchmarks.md). A wider buffer lets one call take
     * whatever the socket holds. The bytes not yet read move to the new buffer's start, so the stream
     * reads on from the same place; the buffer stays with the connection until it closes.
     */
    static final int WIDE_BYTES = 256 * 1024;

    private static void widen(ReadAheadInputStream stream) {
        byte[] b = (byte[]) BUF.get(stream);
        if (b == null || b.length >= WIDE_BYTES) {
            return; // closed, or widened before
        }
        int pos = (int) POSITION.get(stream);
        int unread = (int) END.get(stream) - pos;
        byte[] wide = new byte[WIDE_BYTES];
        System.arraycopy(b, pos, wide, 0, Math.max(0, unread));
        BUF.set(stream, wide);
        POSITION.set(stream, 0);
        END.set(stream, Math.max(0, unread));
    }

    /**
     * Takes the next packet if it lies whole in the buffer and is shorter than {@code maxPayload}: the
     * stream moves past it, and {@link #bytes}, {@link #start} and {@link #length} say where it is
     * (valid until the stream is next read). Else takes nothing and returns false.
     */
    boolean take(int maxPayload) {
        byte[] b = (byte[]) BUF.get(stream);
        int pos = (int) POSITION.get(stream);
        int available = (int) END.get(stream) - pos;
        if (b == null || available < 4) {
            return false;
        }
        int len = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16;
        if (len >= maxPayload || available - 4 < len) {
            return false;
        }
        POSITION.set(stream, pos + 4 + len);
        bytes = b;
        start = pos + 4;
        length = len;
        return true;
    }

    byte[] bytes() {
        return bytes;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }

    /** The taken packet's 4-byte header, which lies just before its payload. */
    byte[] header() {
        return Arrays.copyOfRange(bytes, start - 4, start);
    }
}
