package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.consentgate.consent.ConsentDecision;


import org.junit.jupiter.api.Test;

/**
 * A relative URL under a base element is judged at the path a browser fetches, its dot segments taken out: Chromium
 * 150 fetched www.facebook.com/tr for {@code ../../tr} and {@code ./%2e%2e/../tr} under a base of
 * {@code https://www.facebook.com/x/y/} (by hand, straight from a test server).
 */
class RelativeUrlsUnderABaseLoseTheirDotSegmentsTest {

    /** Facebook's plugins granted (functionality), Meta's pixel (advertising, the host narrowed to /tr) not. */
    private static final ConsentDecision FUNCTIONALITY = TestRules.consent("essential", "functionality");

    private static String rewrite(String html) {
        return TestRules.rewrite(FUNCTIONALITY, html);
    }

    /**
     * Before (found by a review): the joined path kept its dot segments ({@code /x/y/../../tr}), which the pixel's
     * rule, narrowed to {@code /tr}, did not match: the pixel passed for a visitor who granted functionality.
     */
    @Test
    void aPixelReachedThroughDotSegmentsIsJudgedAtItsPath() {
        for (String src : new String[] {"../../tr?id=1", "./%2e%2e/../tr?id=1", "../../x/../tr", "/x/../tr?id=1"}) {
            String page = "<base href=\"https://www.facebook.com/x/y/\"><img src=\"" + src + "\">";
            assertNotEquals(page, rewrite(page), src);
        }
        assertEquals(new UrlParts("www.facebook.com", "/tr?id=1"),
                UrlParts.parse("../../tr?id=1").resolvedAgainst(UrlParts.parse("https://www.facebook.com/x/y/z")));
    }

    /** Facebook's own plugins under the same base still load for that visitor. */
    @Test
    void whatTheVisitorGrantedStillLoads() {
        String page = "<base href=\"https://www.facebook.com/x/y/\"><iframe src=\"../../plugins/page.php?href=a\">"
                + "</iframe><img src=\"../tr/../plugins/like.png\">";
        assertEquals(page, rewrite(page));
    }
}
