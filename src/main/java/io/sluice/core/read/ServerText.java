package io.sluice.core.read;

/**
 * Parses the server's text form of values straight from bytes (no String, no java.time objects in
 * the per-row path). Invalid calendar dates come back as {@link #INVALID} so callers can count them.
 */
public final class ServerText {
    public static final long INVALID = Long.MIN_VALUE;
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private ServerText() {}

    /** Days since 1970-01-01 of {@code YYYY-MM-DD}, or {@link #INVALID} for zero/partial/invalid dates. */
    public static long days(byte[] b, int off, int len) {
        if (len < 10) {
            return INVALID;
        }
        int y = digits(b, off, 4);
        int m = digits(b, off + 5, 2);
        int d = digits(b, off + 8, 2);
        if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
            return INVALID;
        }
        return daysFromCivil(y, m, d);
    }

    /** Microseconds since the epoch of {@code YYYY-MM-DD hh:mm:ss[.ffffff]}, or {@link #INVALID}. */
    public static long epochMicros(byte[] b, int off, int len) {
        long days = days(b, off, len);
        if (days == INVALID) {
            return INVALID;
        }
        long micros = days * MICROS_PER_DAY;
        if (len >= 19) {
            int h = digits(b, off + 11, 2);
            int mi = digits(b, off + 14, 2);
            int s = digits(b, off + 17, 2);
            micros += ((h * 60L + mi) * 60L + s) * MICROS_PER_SECOND + fraction(b, off + 19, off + len);
        }
        return micros;
    }

    /** Signed microseconds of a TIME value {@code [-]hhh:mm:ss[.ffffff]} (up to ±838:59:59.999999). */
    public static long timeMicros(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        boolean negative = len > 0 && b[off] == '-';
        if (negative) {
            i++;
        }
        long hours = 0;
        while (i < end && b[i] != ':') {
            hours = hours * 10 + (b[i++] - '0');
        }
        int m = digits(b, i + 1, 2);
        int s = digits(b, i + 4, 2);
        long micros = ((hours * 60 + m) * 60 + s) * MICROS_PER_SECOND + fraction(b, i + 6, end);
        return negative ? -micros : micros;
    }

    /** A signed decimal integer in the range of a long (TINYINT..BIGINT, YEAR, ZEROFILL padding included). */
    public static long signedLong(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        boolean negative = len > 0 && b[off] == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        while (i < end) {
            v = v * 10 - (b[i++] - '0'); // accumulated negative, so Long.MIN_VALUE fits
        }
        return negative ? v : -v;
    }

    /** An unsigned decimal integer up to 18446744073709551615, as the same 64 bits in a long. */
    public static long unsignedLong(byte[] b, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            v = v * 10 + (b[i] - '0'); // wraps exactly as unsigned arithmetic does
        }
        return v;
    }

    /**
     * The unscaled value of a decimal text with exactly {@code scale} fraction digits (the server
     * always sends them all), for precision up to 18.
     */
    public static long unscaled(byte[] b, int off, int len) {
        long v = 0;
        boolean negative = false;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c == '-') {
                negative = true;
            } else if (c != '.') {
                v = v * 10 + (c - '0');
            }
        }
        return negative ? -v : v;
    }

    /** Big-endian bytes as an unsigned 64-bit value (BIT columns). */
    public static long bigEndian(byte[] b, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    private static long fraction(byte[] b, int dot, int end) {
        if (dot >= end || b[dot] != '.') {
            return 0;
        }
        long f = 0;
        int n = 0;
        for (int i = dot + 1; i < end && n < 6; i++, n++) {
            f = f * 10 + (b[i] - '0');
        }
        for (; n < 6; n++) {
            f *= 10;
        }
        return f;
    }

    private static int digits(byte[] b, int off, int len) {
        int v = 0;
        for (int i = off; i < off + len; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Proleptic Gregorian days since 1970-01-01 (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
