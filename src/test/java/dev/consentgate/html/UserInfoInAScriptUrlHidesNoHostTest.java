package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A URL's user info ({@code x@}, {@code u:p@}, or an empty {@code @}) comes before its host, which the URL parser
 * reads after the last '@' of the authority. Chromium 155 fetches a module and a dynamic import with user info
 * from that host (a classic script or an image with credentials it refuses).
 */
class UserInfoInAScriptUrlHidesNoHostTest {

    /**
     * Before (found by a review, 2026-12-01): the scanner gave the URL up at the '@', so each of these passed, and
     * Chromium 155 requested gtm.js, analytics.js and the pixel from the hosts after it.
     */
    @Test
    void theHostAfterTheUserInfoIsJudged() {
        assertEachBlocked(
                "<script>import(\"https://x@www.googletagmanager.com/./gtm.js?id=GTM-1\");</script>",
                "<script type=\"module\">import \"https://x@www.google-analytics.com/analytics.js\";</script>",
                "<script type=\"module\">import \"https://u:p@www.google-analytics.com/analytics.js\";</script>",
                "<script type=\"module\">import \"https://@www.google-analytics.com/analytics.js\";</script>",
                "<script type=\"module\">import \"https://u:@www.facebook.com/tr?id=1\";</script>",
                "<script type=\"module\">import \"//a:b:c@d@www.facebook.com/tr?id=1\";</script>",
                "<script>import('https://u:pa$$!@www.googletagmanager.com/gtm.js?id=GTM-1');</script>");
    }

    /** User info before a site's own host, and an address that is no URL, change nothing. */
    @Test
    void userInfoBeforeAnotherHostChangesNothing() {
        String page = "<script>var m = 'mailto:joe@example.com', u = 'https://joe@example.com/x', t = '//a.b@c',"
                + " p = 'https://u:p@cdn.example.org/app.js', s = 'https://x@/nothing';</script>";
        assertEquals(page, rewrite(page));
    }
}
