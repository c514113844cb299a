package io.sluice.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServerTextTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long days(String s) {
        return ServerText.days(b(s), 0, s.length());
    }

    private static long epochMicros(String s) {
        return ServerText.epochMicros(b(s), 0, s.length());
    }

    private static long timeMicros(String s) {
        return ServerText.timeMicros(b(s), 0, s.length());
    }

    private static long unsignedLong(String s) {
        return ServerText.unsignedLong(b(s), 0, s.length());
    }

    private static long unscaled(String s) {
        return ServerText.unscaled(b(s), 0, s.length());
    }

    @Test
    void datesAgreeWithJavaTimeAcrossTheRange() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() < 10000; d = d.plusDays(397)) {
            assertEquals(d.toEpochDay(), days(d.toString()), d.toString());
        }
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay(), days("9999-12-31"));
    }

    @Test
    void zeroPartialAndInvalidDatesAreFlagged() {
        assertEquals(ServerText.INVALID, days("0000-00-00"));
        assertEquals(ServerText.INVALID, days("2024-00-15"));
        assertEquals(ServerText.INVALID, days("2023-02-29"));
        assertEquals(ServerText.INVALID, epochMicros("2024-02-00 10:00:00"));
    }

    @Test
    void timestampsCarryMicroseconds() {
        LocalDateTime t = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000);
        assertEquals(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 999_000, epochMicros("1969-12-31 23:59:59.999"));
        assertEquals(1, epochMicros("1970-01-01 00:00:00.000001"));
    }

    @Test
    void timesAreSignedDurations() {
        assertEquals(-((838L * 3600 + 59 * 60 + 59) * 1_000_000 + 999_999), timeMicros("-838:59:59.999999"));
        assertEquals(-500_000, timeMicros("-00:00:00.5"));
        assertEquals(3_600_000_000L * 100, timeMicros("100:00:00"));
    }

    @Test
    void numbersParseAtTheirEdges() {
        assertEquals(-1L, unsignedLong("18446744073709551615"));
        assertEquals(-99999999999999999L, unscaled("-999999999999.99999"));
        assertEquals(-1L, ServerText.bigEndian(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}, 0, 8));
        assertEquals(Long.MIN_VALUE, ServerText.signedLong(b("-9223372036854775808"), 0, 20));
        assertEquals(Long.MAX_VALUE, ServerText.signedLong(b("9223372036854775807"), 0, 19));
    }

    @Test
    void valuesAreReadWhereTheyLieInARowBuffer() {
        byte[] row = b("x-42|2024-02-29 23:59:59.5|y");
        assertEquals(-42, ServerText.signedLong(row, 1, 3));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 500_000,
                ServerText.epochMicros(row, 5, 21));
    }
}
