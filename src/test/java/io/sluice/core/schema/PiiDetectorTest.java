package io.sluice.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {
    @Test
    void valuesThatAreMostlyEmailAddresses() {
        assertEquals(Optional.of("email"), PiiDetector.kindOfValues(
                Arrays.asList("ann@example.com", "bob.smith@mail.example.org", null, "", "c@d.io", "not an address")));
    }

    @Test
    void cardNumbersNeedTheLuhnCheck() {
        assertEquals(Optional.of("financial"), PiiDetector.kindOfValues(
                List.of("4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009")));
        // same shape, wrong check digits: long numbers, not cards (they still read as phone-like)
        assertEquals(Optional.of("phone"), PiiDetector.kindOfValues(
                List.of("4111 1111 1111 1112", "5500-0000-0000-0005", "340000000000008")));
    }

    @Test
    void phonesIbansAndAddresses() {
        assertEquals(Optional.of("phone"), PiiDetector.kindOfValues(List.of("+49 30 1234567", "(030) 123-4567", "0171/2345678")));
        assertEquals(Optional.of("financial"), PiiDetector.kindOfValues(
                List.of("DE89370400440532013000", "GB29 NWBK 6016 1331 9268 19", "FR1420041010050500013M02606")));
        assertEquals(Optional.of("device"), PiiDetector.kindOfValues(List.of("10.0.0.1", "192.168.178.20", "8.8.8.8")));
    }

    @Test
    void ordinaryTextIsNotFlagged() {
        assertEquals(Optional.empty(), PiiDetector.kindOfValues(List.of("red", "green", "blue", "a@b")));
        assertEquals(Optional.empty(), PiiDetector.kindOfValues(List.of("2026-01-01", "2026-02-01", "2026-03-01")));
        assertEquals(Optional.empty(), PiiDetector.kindOfValues(List.of("ann@example.com", "bob@example.com"))); // too few
    }
}
