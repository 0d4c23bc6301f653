package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieDateTest {

    @Test
    void readsImfFixdate() {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                CookieDate.parse("Thu, 01 Jan 2026 00:00:00 GMT"));
    }

    @Test
    void readsRfc850StyleWithTwoDigitYear() {
        assertEquals(Optional.of(Instant.parse("2018-02-12T02:24:19Z")),
                CookieDate.parse("Mon, 12-Feb-18 02:24:19 GMT"));
    }

    @Test
    void twoDigitYearsFrom70AreNineteenHundreds() {
        assertEquals(Optional.of(Instant.parse("1970-01-01T00:00:10Z")),
                CookieDate.parse("Thu, 01-Jan-70 00:00:10 GMT"));
    }

    @Test
    void readsAsctimeOrder() {
        assertEquals(Optional.of(Instant.parse("2007-12-10T16:32:30Z")), CookieDate.parse("Mon Dec 10 16:32:30 2007"));
    }

    @Test
    void rejectsMissingTime() {
        assertEquals(Optional.empty(), CookieDate.parse("Thu, 01 Jan 2026"));
    }

    @Test
    void rejectsImpossibleDay() {
        assertEquals(Optional.empty(), CookieDate.parse("Mon, 30 Feb 2026 00:00:00 GMT"));
    }

    @Test
    void rejectsOutOfRangeHour() {
        assertEquals(Optional.empty(), CookieDate.parse("Mon, 02 Feb 2026 24:00:00 GMT"));
    }

    @Test
    void rejectsGarbageAndEmpty() {
        assertEquals(Optional.empty(), CookieDate.parse("never"));
        assertEquals(Optional.empty(), CookieDate.parse(""));
    }

    @Test
    void formatsImfFixdateWithTwoDigitDay() {
        assertEquals("Tue, 03 Feb 2026 04:05:06 GMT", CookieDate.format(Instant.parse("2026-02-03T04:05:06Z")));
    }
}
