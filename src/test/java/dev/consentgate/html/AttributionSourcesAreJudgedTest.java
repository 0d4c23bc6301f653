package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An element's attributionsrc (Attribution Reporting) lists URLs, separated by white space, that Chromium requests
 * with their hosts' cookies: a link's as the visitor follows it, an image's and a script's as the page loads them
 * (see AttributionSourcesReachNoTrackerE2ETest). A tracker's URL there makes a link's attributionsrc inert, renamed
 * {@code data-cg-blocked-attributionsrc} as a ping is, the link kept; an image or script goes as for its src. An
 * element neutralized keeps none (Chromium requested it from a script of type text/plain too).
 */
class AttributionSourcesAreJudgedTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final String PIXEL = "https://www.facebook.com/tr?ev=1";

    private static String rewrite(dev.consentgate.consent.ConsentDecision consent, String html) {
        return new String(HtmlRewriter.rewriteAll(POLICY, consent, html.getBytes(StandardCharsets.UTF_8),
                RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    private static void assertRewritten(String expected, String html) {
        assertEquals(expected, rewrite(TestRules.ESSENTIAL_ONLY, html), html);
        assertEquals(html, rewrite(TestRules.EVERYTHING, html), html);
        for (int size : new int[] {1, 3, 7, 16}) {
            assertEquals(expected, new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY,
                    html.getBytes(StandardCharsets.UTF_8), List.of(size)), StandardCharsets.UTF_8), html + " " + size);
        }
    }

    // Before (found by a review): a link was skipped unread unless it had a ping, and Chromium 150 requested its
    // attributionsrc through the gateway as the visitor followed it
    @Test
    void aLinksAttributionSourceIsMadeInertAndTheLinkStays() {
        assertRewritten("<p><a href=\"/next\" data-cg-blocked-attributionsrc=\"" + PIXEL + "\">Next</a></p>",
                "<p><a href=\"/next\" attributionsrc=\"" + PIXEL + "\">Next</a></p>");
        // among the site's own, in any case, beside a ping (the link's beacons go together), on an area
        assertRewritten("<a href=/x data-cg-blocked-ATTRIBUTIONSRC=\"/own " + PIXEL + "\" data-cg-blocked-ping=/own>"
                + "x</a>"
                + "<map name=m><area href=/y data-cg-blocked-attributionsrc=" + PIXEL + "></map>",
                "<a href=/x ATTRIBUTIONSRC=\"/own " + PIXEL + "\" ping=/own>x</a>"
                + "<map name=m><area href=/y attributionsrc=" + PIXEL + "></map>");
    }

    // Before (found by a review): an image's attributionsrc was not judged, and Chromium 150 requested it as the page
    // loaded
    @Test
    void anImageWhoseAttributionSourceIsATrackersGoes() {
        assertRewritten("<p>a</p>", "<p>a</p><img src=\"/own.png\" attributionsrc=\"/own " + PIXEL + "\">");
    }

    // Before (found by a review): the same with a script's, and a neutralized script kept its attributionsrc, which
    // Chromium 150 requested from a script of type text/plain too
    @Test
    void aScriptWhoseAttributionSourceIsATrackersIsNeutralizedWithoutIt() {
        String out = rewrite(TestRules.ESSENTIAL_ONLY, "<script attributionsrc=\"" + PIXEL + "\">var a = 1;</script>");
        assertEquals(true, out.contains("type=\"text/plain\"") && out.contains("data-cg-blocked-attributionsrc=")
                && !out.contains(" attributionsrc="), out);
        out = rewrite(TestRules.ESSENTIAL_ONLY, "<script src=\"https://connect.facebook.net/en_US/fbevents.js\" "
                + "attributionsrc>x</script>");
        assertEquals(false, out.contains(" attributionsrc"), out);
    }

    @Test
    void theSitesOwnAttributionSourcesStay() {
        for (String page : List.of("<a href=/x attributionsrc>x</a><a href=/y attributionsrc=\"/conversions\">y</a>",
                "<img src=/a.png attributionsrc><img src=/b.png attributionsrc=\"/register\">",
                "<script attributionsrc=\"/register\">var a = 1;</script>")) {
            assertEquals(page, rewrite(TestRules.ESSENTIAL_ONLY, page));
        }
    }
}
