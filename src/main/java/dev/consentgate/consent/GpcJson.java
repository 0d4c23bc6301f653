package dev.consentgate.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The body of {@code /.well-known/gpc.json}: the site honours Global Privacy Control. */
public final class GpcJson {

    private GpcJson() {
    }

    /** {@code {"gpc": true, "lastUpdate": "2025-12-16"}}, without lastUpdate when unknown. */
    public static String body(Optional<LocalDate> lastUpdate) {
        return lastUpdate.map(d -> "{\"gpc\": true, \"lastUpdate\": \"" + d + "\"}").orElse("{\"gpc\": true}");
    }

    /** The policy revision as the last update when it is an ISO date (the usual way to name revisions). */
    static Optional<LocalDate> dateOf(String revision) {
        try {
            return Optional.of(LocalDate.parse(revision));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
