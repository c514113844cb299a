package io.sluice.core.read;

/**
 * Values of the binary protocol, read straight from the row's bytes: little-endian integers and
 * doubles, and the packed struct of DATE, DATETIME and TIMESTAMP (year as 2 bytes, month, day, then
 * optionally hour, minute, second, then optionally 4 bytes of microseconds; 0 bytes for a zero date).
 * Dates are checked as {@link ServerText} checks their text, so both protocols give the same values.
 */
final class WireBinary {
    private WireBinary() {}

    /** A little-endian integer of {@code len} (1, 2, 4 or 8) bytes, sign-extended. */
    static long signed(byte[] b, int off, int len) {
        switch (len) {
            case 1:
                return b[off];
            case 2:
                return (short) ((b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8);
            case 4:
                return int32(b, off);
            default:
                return int64(b, off);
        }
    }

    /** The same bits, zero-extended: an UNSIGNED column's value (BIGINT UNSIGNED as its 64 bits). */
    static long unsigned(byte[] b, int off, int len) {
        switch (len) {
            case 1:
                return b[off] & 0xFFL;
            case 2:
                return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
            case 4:
                return int32(b, off) & 0xFFFF_FFFFL;
            default:
                return int64(b, off);
        }
    }

    static float float32(byte[] b, int off) {
        return Float.intBitsToFloat(int32(b, off));
    }

    /**
     * Signed microseconds of a TIME struct: 0 bytes for 00:00:00, else a sign byte, 4 bytes of days,
     * hour, minute, second, and optionally 4 bytes of microseconds.
     */
    static long timeMicros(byte[] b, int off, int len) {
        if (len < 8) {
            return 0;
        }
        long days = int32(b, off + 1) & 0xFFFF_FFFFL;
        long micros = (((days * 24 + b[off + 5]) * 60 + b[off + 6]) * 60 + b[off + 7]) * ServerText.MICROS_PER_SECOND;
        if (len >= 12) {
            micros += int32(b, off + 8) & 0xFFFF_FFFFL;
        }
        return b[off] != 0 ? -micros : micros;
    }

    static double float64(byte[] b, int off) {
        return Double.longBitsToDouble(int64(b, off));
    }

    /** Days since 1970-01-01, or {@link ServerText#INVALID} for zero, partial and invalid dates. */
    static long days(byte[] b, int off, int len) {
        if (len < 4) {
            return ServerText.INVALID;
        }
        int y = (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
        int m = b[off + 2];
        int d = b[off + 3];
        if (m < 1 || m > 12 || d < 1 || d > ServerText.daysInMonth(y, m)) {
            return ServerText.INVALID;
        }
        return ServerText.daysFromCivil(y, m, d);
    }

    /** Microseconds since the epoch, or {@link ServerText#INVALID}. */
    static long epochMicros(byte[] b, int off, int len) {
        long days = days(b, off, len);
        if (days == ServerText.INVALID) {
            return ServerText.INVALID;
        }
        long micros = days * ServerText.MICROS_PER_DAY;
        if (len >= 7) {
            micros += ((b[off + 4] * 60L + b[off + 5]) * 60L + b[off + 6]) * ServerText.MICROS_PER_SECOND;
        }
        if (len >= 11) {
            micros += int32(b, off + 7) & 0xFFFF_FFFFL;
        }
        return micros;
    }

    private static int int32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static long int64(byte[] b, int off) {
        return (int32(b, off) & 0xFFFF_FFFFL) | (long) int32(b, off + 4) << 32;
    }
}
