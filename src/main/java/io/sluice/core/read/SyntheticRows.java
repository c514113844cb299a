package io.sluice.core.read;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Binary-protocol rows made up here, with no server: each packet laid out as a server lays out a row
 * of a server-side prepared statement (a 0x00 byte, the NULL bitmap, then each present value by its
 * wire type), then sliced by {@link BinaryRowPacket} like a real one. What {@code io.sluice.core.Training}
 * feeds the real readers and writer when JDK 25 records its AOT cache under {@code java -jar}.
 */
public final class SyntheticRows implements RowSource {

    /** One column: the type the server would send it as, and its value in row n. */
    public interface Column {
        /** The protocol type id ({@link WireTypes}). */
        int wireType();

        boolean unsigned();

        boolean isNull(long n);

        /** Appends row n's value as the binary protocol lays it out. */
        void write(long n, Packet p);
    }

    /** A row packet being written. */
    public static final class Packet {
        private byte[] b = new byte[1024];
        private int len;

        private void room(int more) {
            if (len + more > b.length) {
                b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, len + more));
            }
        }

        public Packet int8(int v) {
            room(1);
            b[len++] = (byte) v;
            return this;
        }

        public Packet int16(int v) {
            return int8(v).int8(v >> 8);
        }

        public Packet int32(int v) {
            return int16(v).int16(v >> 16);
        }

        public Packet int64(long v) {
            return int32((int) v).int32((int) (v >>> 32));
        }

        public Packet float64(double v) {
            return int64(Double.doubleToRawLongBits(v));
        }

        /** A length-encoded string of bytes: strings, ENUM, DECIMAL's text, blobs. */
        public Packet bytes(byte[] v, int off, int n) {
            lengthPrefix(n);
            room(n);
            System.arraycopy(v, off, b, len, n);
            len += n;
            return this;
        }

        public Packet text(String s) {
            byte[] v = s.getBytes(StandardCharsets.UTF_8);
            return bytes(v, 0, v.length);
        }

        /** A DECIMAL's text: {@code unscaled} with {@code scale} digits after the point. */
        public Packet decimal(long unscaled, int scale) {
            String digits = unscaled < 0 ? Long.toString(unscaled).substring(1) : Long.toString(unscaled);
            StringBuilder s = new StringBuilder(digits.length() + 3);
            if (unscaled < 0) {
                s.append('-');
            }
            if (scale > 0) {
                String padded = digits.length() <= scale ? "0".repeat(scale - digits.length() + 1) + digits : digits;
                s.append(padded, 0, padded.length() - scale).append('.').append(padded, padded.length() - scale, padded.length());
            } else {
                s.append(digits);
            }
            return text(s.toString());
        }

        /** DATE: the struct's length (4), year, month, day. */
        public Packet date(long epochDay) {
            int[] ymd = civil(epochDay);
            return int8(4).int16(ymd[0]).int8(ymd[1]).int8(ymd[2]);
        }

        /** DATETIME and TIMESTAMP: 7 bytes to the second, 11 with microseconds. */
        public Packet dateTime(long epochMicros, boolean withMicros) {
            long seconds = Math.floorDiv(epochMicros, 1_000_000L);
            int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
            int[] ymd = civil(Math.floorDiv(seconds, 86_400L));
            int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
            int8(withMicros ? 11 : 7).int16(ymd[0]).int8(ymd[1]).int8(ymd[2])
                    .int8(secondOfDay / 3600).int8(secondOfDay / 60 % 60).int8(secondOfDay % 60);
            return withMicros ? int32(micros) : this;
        }

        /** TIME: 12 bytes (sign, days, hour, minute, second, microseconds). */
        public Packet time(long micros) {
            long abs = Math.abs(micros);
            long seconds = abs / 1_000_000L;
            return int8(12).int8(micros < 0 ? 1 : 0).int32((int) (seconds / 86_400L)).int8((int) (seconds / 3600 % 24))
                    .int8((int) (seconds / 60 % 60)).int8((int) (seconds % 60)).int32((int) (abs % 1_000_000L));
        }

        private void lengthPrefix(int n) {
            if (n < 0xFB) {
                int8(n);
            } else if (n < 1 << 16) {
                int8(0xFC).int16(n);
            } else if (n < 1 << 24) {
                int8(0xFD).int16(n).int8(n >> 16);
            } else {
                int8(0xFE).int64(n);
            }
        }

        /** Year, month, day of a day since 1970-01-01 (the proleptic Gregorian calendar). */
        static int[] civil(long epochDay) {
            long z = epochDay + 719_468;
            long era = Math.floorDiv(z, 146_097);
            long doe = z - era * 146_097;
            long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            int day = (int) (doy - (153 * mp + 2) / 5 + 1);
            int month = (int) (mp < 10 ? mp + 3 : mp - 9);
            long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
            return new int[] {(int) year, month, day};
        }
    }

    private final Column[] columns;
    private final int[] widths;
    private final boolean[] unsigned;
    private final long count;
    private final Packet packet = new Packet();
    private long n;

    /** {@code count} rows of these columns. */
    public SyntheticRows(List<? extends Column> columns, long count) {
        this.columns = columns.toArray(Column[]::new);
        this.widths = new int[this.columns.length];
        this.unsigned = new boolean[this.columns.length];
        for (int c = 0; c < this.columns.length; c++) {
            widths[c] = WireTypes.fixedWidth(this.columns[c].wireType());
            unsigned[c] = this.columns[c].unsigned();
        }
        this.count = count;
    }

    @Override
    public boolean next(TextRow row) {
        if (n >= count) {
            return false;
        }
        Packet p = packet;
        p.len = 0;
        p.int8(0);
        int bitmap = p.len;
        for (int i = (columns.length + 9) / 8; i > 0; i--) {
            p.int8(0);
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].isNull(n)) {
                int bit = c + 2;
                p.b[bitmap + (bit >> 3)] |= (byte) (1 << (bit & 7));
            } else {
                columns[c].write(n, p);
            }
        }
        BinaryRowPacket.slice(p.b, 0, p.len, widths, row);
        n++;
        return true;
    }

    @Override
    public boolean[] unsignedColumns() {
        return unsigned.clone();
    }
}
