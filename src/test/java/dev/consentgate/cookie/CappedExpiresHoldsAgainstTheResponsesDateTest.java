package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.NOW;
import static dev.consentgate.cookie.Fixtures.consent;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A capped Expires holds in a browser that reads it against the response's Date header. Found by a review of cookie
 * enforcement with Chromium 150 as the oracle (CappedLifetimeHoldsWhateverTheUpstreamsDateE2ETest shows it in the
 * browser's jar).
 */
class CappedExpiresHoldsAgainstTheResponsesDateTest {

    private static final CookiePolicy SEED = Fixtures.seedPolicy();
    /** Three days before the gateway's clock: an upstream whose clock is behind, or a response from its cache. */
    private static final String OLD_DATE = CookieDate.format(NOW.minus(Duration.ofDays(3)));

    private static List<String> enforce(String field, String date) {
        return SEED.enforceResponse(List.of(field), List.of(), consent("functionality"), Optional.empty(),
                Optional.empty(), List.of(date));
    }

    /**
     * Input: a response with "Date: (three days before the gateway's clock)" and "Set-Cookie: userId=7;
     * Expires=Wed, 01 Jan 2099 00:00:00 GMT" (userId: functionality, 30 days), functionality granted; and the same
     * with an Expires 29 days after the gateway's clock.
     *
     * <p>Before (found by a review): the Expires became (or stayed) at most 30 days after the gateway's clock, and
     * Chromium, which takes an Expires as that far past the response's Date (CanonicalCookie::ParseExpiration adds
     * its own clock minus the Date), kept the cookie 33 days; with the Date three days behind, a one-day _gid was
     * kept four days.
     */
    @Test
    void anExpiresIsCappedFromAnEarlierDateHeader() {
        String cap = CookieDate.format(NOW.minus(Duration.ofDays(3)).plus(Duration.ofDays(30)));
        String within = CookieDate.format(NOW.plus(Duration.ofDays(29)));
        assertAll(
                () -> assertEquals(List.of("userId=7; Expires=" + cap),
                        enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT", OLD_DATE)),
                () -> assertEquals(List.of("userId=7; Expires=" + cap),
                        enforce("userId=7; Expires=" + within, OLD_DATE)));
    }

    /**
     * Input: the same fields with a Date after the gateway's clock, or an unreadable one.
     *
     * <p>The cap counts from the gateway's clock then: a later Date only shortens what the browser keeps.
     */
    @Test
    void aLaterOrUnreadableDateLeavesTheCapAtTheGatewaysClock() {
        String cap = CookieDate.format(NOW.plus(Duration.ofDays(30)));
        assertAll(
                () -> assertEquals(List.of("userId=7; Expires=" + cap),
                        enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT",
                                CookieDate.format(NOW.plus(Duration.ofHours(2))))),
                () -> assertEquals(List.of("userId=7; Expires=" + cap),
                        enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT", "yesterday")));
    }
}
