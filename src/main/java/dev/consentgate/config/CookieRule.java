package dev.consentgate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * One declared cookie (or family of cookies) from the cookie policy.
 *
 * @param name         which cookie names the rule covers
 * @param domain       the Domain attribute to match and to use for deletions, empty when any
 * @param path         the Path attribute to match and to use for deletions, empty when any
 * @param category     category id; always one of the ruleset's categories
 * @param maxRetention longest lifetime the policy declares; empty means "not capped"
 * @param provider     who sets it (for the declaration), may be empty
 * @param purpose      why (for the declaration), may be empty
 * @param origin       where in the ruleset it was declared, "FILE:LINE:COLUMN"
 */
public record CookieRule(NamePattern name, Optional<String> domain, Optional<String> path, String category,
                         Optional<Duration> maxRetention, String provider, String purpose, String origin) {
}
