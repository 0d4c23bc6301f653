package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CATEGORIES;
import static dev.consentgate.cookie.Fixtures.CLOCK;
import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.UndeclaredCookies;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code __Http-} and {@code __Host-Http-} name prefixes (RFC 6265bis; Chromium 150 refuses a field with such a
 * name that is not Secure and HttpOnly, and for {@code __Host-Http-} not Path=/ without Domain, as it does for
 * {@code __Host-}). Found by a review of cookie enforcement with Chromium as the oracle
 * (HttpPrefixedCookiesAreWithdrawnE2ETest shows the jar).
 */
class HttpPrefixedCookiesAreJudgedAndDeletedTest {

    private static final String GONE = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    /**
     * Input: a request to www.example.com carrying "__Http-sid=1; __Host-Http-sid=2" (undeclared) under essential
     * consent, so both are removed and withdrawn.
     *
     * <p>Before (found by a review): the deletions were "__Http-sid=; ...; Path=/" (no Secure, no HttpOnly), and
     * "__Host-Http-sid=; ...; Path=/; Secure" (no HttpOnly); Chromium refused both, so both cookies stayed in the jar.
     */
    @Test
    void theDeletionsOfHttpPrefixedCookiesAreSecureAndHttpOnly() {
        CookiePolicy policy = Fixtures.seedPolicy();
        CookiePolicy.RequestFilter filtered = policy.filterRequest(List.of("__Http-sid=1; __Host-Http-sid=2"),
                essentialOnly());
        List<String> deletions = policy.deletions(filtered.removed(), List.of(), Optional.of("www.example.com"),
                Optional.of("/"));
        assertAll(
                () -> assertTrue(deletions.contains("__Http-sid" + GONE + "; Path=/; Secure; HttpOnly"),
                        () -> "no host-only deletion of __Http-sid that Chromium takes: " + deletions),
                () -> assertTrue(deletions.contains("__Http-sid" + GONE + "; Path=/; Domain=example.com; Secure;"
                                + " HttpOnly"),
                        () -> "no deletion of __Http-sid on example.com that Chromium takes: " + deletions),
                () -> assertEquals(List.of("__Host-Http-sid" + GONE + "; Path=/; Secure; HttpOnly",
                                "__Host-Http-sid" + GONE + "; Path=/; Secure; HttpOnly; Partitioned"),
                        deletions.stream().filter(d -> d.startsWith("__Host-Http-sid=")).toList()));
    }

    /**
     * Input: a ruleset whose undeclared cookies are functionality and that declares _ga as analytics; functionality
     * granted, analytics not; "Set-Cookie: __Http-_ga=GA1.2.3; Secure; HttpOnly; Path=/" and the same named
     * "__Host-Http-_ga", and the same names in a request's Cookie header.
     *
     * <p>Before (found by a review): only __Secure- and __Host- were taken off for classification, so
     * "__Http-_ga" was undeclared (and "__Host-Http-_ga" judged as "Http-_ga"), functionality, and passed both ways;
     * "__Secure-_ga" is judged as _ga, and so must these be.
     */
    @Test
    void anHttpPrefixedNameIsJudgedAsTheNameAfterThePrefix() {
        CookiePolicy policy = new CookiePolicy(new CookieClassifier(List.of(
                rule("_ga", "analytics", Duration.ofDays(400))),
                new UndeclaredCookies(Optional.of("functionality"), false), CATEGORIES), CLOCK);
        assertAll(
                () -> assertEquals(Optional.empty(), policy.enforceSetCookie(
                        "__Http-_ga=GA1.2.3; Secure; HttpOnly; Path=/", consent("functionality"))),
                () -> assertEquals(Optional.empty(), policy.enforceSetCookie(
                        "__Host-Http-_ga=GA1.2.3; Secure; HttpOnly; Path=/", consent("functionality"))),
                () -> assertEquals(List.of(), policy.filterRequest(
                        List.of("__Http-_ga=GA1.2.3; __host-http-_ga=GA1.2.3"), consent("functionality")).headers()));
    }
}
