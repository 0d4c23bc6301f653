package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The "done when" examples of the gateway-core issue, at the level of the cookie core. */
class SeedScenarioTest {

    private static final List<String> UPSTREAM_SETS = List.of(
            "userId=u-42; Max-Age=31536000; Path=/",
            "_ga=GA1.1.123.456; Max-Age=63072000; Path=/; Domain=.example.com",
            "_fbp=fb.1.1700000000.42; Max-Age=7776000; Path=/",
            "JSESSIONID=0F1E2D; Path=/; HttpOnly");

    private final CookiePolicy policy = Fixtures.seedPolicy();

    @Test
    void withoutConsentOnlyTheSessionCookieReachesTheBrowser() {
        assertEquals(List.of("JSESSIONID=0F1E2D; Path=/; HttpOnly"),
                policy.enforceResponse(UPSTREAM_SETS, List.of(), essentialOnly()));
    }

    @Test
    void withFunctionalityAndAnalyticsUserIdIsCappedAndGaPassesButFbpNever() {
        assertEquals(List.of(
                        "userId=u-42; Max-Age=2592000; Path=/",
                        "_ga=GA1.1.123.456; Max-Age=34560000; Path=/; Domain=.example.com",
                        "JSESSIONID=0F1E2D; Path=/; HttpOnly"),
                policy.enforceResponse(UPSTREAM_SETS, List.of(), consent("functionality", "analytics")));
    }

    @Test
    void withdrawnGaIsRemovedUpstreamAndDeletedInTheBrowser() {
        CookiePolicy.RequestFilter request = policy.filterRequest(List.of("_ga=GA1.1.1; JSESSIONID=0F1E2D"),
                essentialOnly());
        assertEquals(List.of("JSESSIONID=0F1E2D"), request.headers());
        assertEquals(List.of("JSESSIONID=0F1E2D; Path=/; HttpOnly",
                        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; Partitioned"),
                policy.enforceResponse(List.of("JSESSIONID=0F1E2D; Path=/; HttpOnly"), request.removed(),
                        essentialOnly()));
    }
}
