package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UndeclaredCookieLogTest {

    @Test
    void logsEachNameOnce() {
        UndeclaredCookieLog log = new UndeclaredCookieLog();
        assertTrue(log.record("_hjid"));
        assertFalse(log.record("_hjid"));
    }

    @Test
    void stopsLoggingAfterTheBound() {
        UndeclaredCookieLog log = new UndeclaredCookieLog();
        for (int i = 0; i < UndeclaredCookieLog.MAX_NAMES; i++) {
            assertTrue(log.record("n" + i));
        }
        assertFalse(log.record("one-more"));
    }

    @Test
    void escapesControlCharactersAndShortensLongNames() {
        assertEquals("a\\x0Ab\\x22", UndeclaredCookieLog.printable("a\nb\""));
        assertTrue(UndeclaredCookieLog.printable("y".repeat(500)).endsWith("...(500 chars)"));
    }
}
