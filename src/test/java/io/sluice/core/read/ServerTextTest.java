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

    @Test
    void datesAgreeWithJavaTimeAcrossTheRange() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() < 10000; d = d.plusDays(397)) {
            assertEquals(d.toEpochDay(), ServerText.days(b(d.toString())), d.toString());
        }
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay(), ServerText.days(b("9999-12-31")));
    }

    @Test
    void zeroPartialAndInvalidDatesAreFlagged() {
        assertEquals(ServerText.INVALID, ServerText.days(b("0000-00-00")));
        assertEquals(ServerText.INVALID, ServerText.days(b("2024-00-15")));
        assertEquals(ServerText.INVALID, ServerText.days(b("2023-02-29")));
        assertEquals(ServerText.INVALID, ServerText.epochMicros(b("2024-02-00 10:00:00")));
    }

    @Test
    void timestampsCarryMicroseconds() {
        LocalDateTime t = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000);
        assertEquals(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 999_000, ServerText.epochMicros(b("1969-12-31 23:59:59.999")));
        assertEquals(1, ServerText.epochMicros(b("1970-01-01 00:00:00.000001")));
    }

    @Test
    void timesAreSignedDurations() {
        assertEquals(-((838L * 3600 + 59 * 60 + 59) * 1_000_000 + 999_999), ServerText.timeMicros(b("-838:59:59.999999")));
        assertEquals(-500_000, ServerText.timeMicros(b("-00:00:00.5")));
        assertEquals(3_600_000_000L * 100, ServerText.timeMicros(b("100:00:00")));
    }

    @Test
    void numbersParseAtTheirEdges() {
        assertEquals(-1L, ServerText.unsignedLong(b("18446744073709551615")));
        assertEquals(-99999999999999999L, ServerText.unscaled(b("-999999999999.99999")));
        assertEquals(-1L, ServerText.bigEndian(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}));
    }
}
