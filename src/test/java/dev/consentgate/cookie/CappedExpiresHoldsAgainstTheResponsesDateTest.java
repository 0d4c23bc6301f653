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
        // the Max-Age beside it counts from the Date, as the browser would count the Expires
        assertAll(
                () -> assertEquals(List.of("userId=7; Expires=" + cap + "; Max-Age=" + THIRTY_DAYS),
                        enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT", OLD_DATE)),
                () -> assertEquals(List.of("userId=7; Expires=" + cap + "; Max-Age=" + THIRTY_DAYS),
                        enforce("userId=7; Expires=" + within, OLD_DATE)));
    }

    /**
     * Input: the same fields with a Date after the gateway's clock, or an unreadable one.
     *
     * <p>The cap counts from the gateway's clock then: a later Date only shortens what a browser that reads the
     * Expires keeps; one that reads the Max-Age keeps the cap.
     */
    @Test
    void aLaterOrUnreadableDateLeavesTheCapAtTheGatewaysClock() {
        String cap = CookieDate.format(NOW.plus(Duration.ofDays(30)));
        assertAll(
                () -> assertEquals(List.of("userId=7; Expires=" + cap + "; Max-Age=" + THIRTY_DAYS),
                        enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT",
                                CookieDate.format(NOW.plus(Duration.ofHours(2))))),
                () -> assertEquals(List.of("userId=7; Expires=" + cap + "; Max-Age=" + THIRTY_DAYS),
                        enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT", "yesterday")));
    }

    /**
     * Input: "Date: Thu, 01 Jan 2015" (no time: the gateway's cookie-date reader cannot read it, Chromium can) or a
     * Date from 1600, with "Set-Cookie: userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT".
     *
     * <p>Before (found by a review, 2026-12-02, in Chromium 156): the Expires was capped from the gateway's clock,
     * and Chromium moved it by eleven years (its clock minus the Date it read), keeping the cookie its 400-day
     * ceiling. Now the Max-Age written beside it, which a browser takes before an Expires and never moves, holds.
     */
    @Test
    void aDateOnlyTheBrowserCanReadCannotLengthenTheCap() {
        String cap = CookieDate.format(NOW.plus(Duration.ofDays(30)));
        for (String date : List.of("Thu, 01 Jan 2015", "01/01/2015 00:00:00 GMT", "Sat, 01 Jan 1600 00:00:00 GMT")) {
            assertEquals(List.of("userId=7; Expires=" + cap + "; Max-Age=" + THIRTY_DAYS),
                    enforce("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT", date), date);
        }
    }

    /**
     * Input: two Date fields, the first now and the second three days old. Chromium reads only the first: the
     * Expires capped from the older one would be three days short of the cap to it, and the Max-Age counts from the
     * first. (Before, a field kept within 3 days of the cap was kept by Chromium for 27 days only; one of a
     * one-day cap not at all.)
     */
    @Test
    void theMaxAgeCountsFromTheFirstDate() {
        List<String> out = SEED.enforceResponse(List.of("userId=7; Expires=Wed, 01 Jan 2099 00:00:00 GMT"), List.of(),
                consent("functionality"), Optional.empty(), Optional.empty(),
                List.of(CookieDate.format(NOW), OLD_DATE));
        String cap = CookieDate.format(NOW.minus(Duration.ofDays(3)).plus(Duration.ofDays(30)));
        assertEquals(List.of("userId=7; Expires=" + cap + "; Max-Age=" + THIRTY_DAYS), out);
    }

    /** A field that already has a Max-Age gets none: the browser takes its own (capped) one. */
    @Test
    void aFieldWithAMaxAgeGetsNoOther() {
        String cap = CookieDate.format(NOW.plus(Duration.ofDays(30)));
        assertEquals(List.of("userId=7; Max-Age=60; Expires=" + cap),
                enforce("userId=7; Max-Age=60; Expires=Wed, 01 Jan 2099 00:00:00 GMT", "Thu, 01 Jan 2015"));
    }

    private static final long THIRTY_DAYS = Duration.ofDays(30).getSeconds();
}
