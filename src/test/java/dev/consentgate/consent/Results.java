package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Set;

/** Assertions on {@link SourceResult}s. */
final class Results {

    private Results() {
    }

    static void assertGranted(Set<String> expected, SourceResult result) {
        SourceResult.Present present = assertInstanceOf(SourceResult.Present.class, result, () -> "got " + result);
        assertEquals(expected, present.categories());
    }

    static String assertMalformed(SourceResult result) {
        return assertInstanceOf(SourceResult.Malformed.class, result, () -> "got " + result).reason();
    }

    static void assertAbsent(SourceResult result) {
        assertInstanceOf(SourceResult.Absent.class, result, () -> "got " + result);
    }
}
