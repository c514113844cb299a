package io.sluice.core.read;

import com.mysql.cj.protocol.FullReadInputStream;
import com.mysql.cj.protocol.ReadAheadInputStream;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Whole packets taken where they lie in Connector/J's read-ahead buffer (16 KiB by default, filled
 * from the socket), without a copy and without the stream's lock.
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

    /** The buffer under {@code in}, or null when it is not a reachable read-ahead stream. */
    static ReadAheadBuffer of(FullReadInputStream in) {
        return BUF != null && in.getUnderlyingStream() instanceof ReadAheadInputStream ahead ? new ReadAheadBuffer(ahead) : null;
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
