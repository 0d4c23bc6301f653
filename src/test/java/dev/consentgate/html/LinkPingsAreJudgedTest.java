package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.HtmlSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A link's ping attribute ({@code a}, {@code area}): when the visitor follows the link, Chromium sends a POST to each
 * URL it lists, with the cookies of that URL's host (hyperlink auditing, on by default). A tracker's URL there makes
 * the ping inert, renamed {@code data-cg-blocked-ping}, under a category not granted; the link stays as it was.
 * Under consent, and for the site's own URLs, the page is byte for byte what it was. Before (found by a review of
 * what the README listed as not judged): every link was skipped unread, and Chromium sent the beacon through the
 * gateway to the tracker (see LinkPingsReachNoTrackerE2ETest).
 */
class LinkPingsAreJudgedTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final String GA = "https://www.google-analytics.com/collect?v=1&amp;t=event";

    private static String rewrite(TagPolicy policy, dev.consentgate.consent.ConsentDecision consent, String html) {
        return new String(HtmlRewriter.rewriteAll(policy, consent, html.getBytes(StandardCharsets.UTF_8),
                RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    private static void assertRewritten(String expected, String html) {
        assertEquals(expected, rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html), html);
        // granted, nothing changes
        assertEquals(html, rewrite(POLICY, TestRules.EVERYTHING, html), html);
        // nor does it depend on where the chunks end
        for (int size : new int[] {1, 2, 3, 7, 16}) {
            assertEquals(expected, new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY,
                    html.getBytes(StandardCharsets.UTF_8), List.of(size)), StandardCharsets.UTF_8), html + " " + size);
        }
    }

    private static void assertUntouched(String html) {
        assertEquals(html, rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html), html);
    }

    @Test
    void aTrackersPingIsMadeInertAndTheLinkStays() {
        assertRewritten("<p><a href=\"/next\" data-cg-blocked-ping=\"" + GA + "\" class=\"more\">Next</a></p>",
                "<p><a href=\"/next\" ping=\"" + GA + "\" class=\"more\">Next</a></p>");
        // an image map's area pings too; names in any case
        assertRewritten("<map name=m><AREA HREF=/a data-cg-blocked-PING=//www.facebook.com/tr?id=1 shape=rect>"
                + "</map>", "<map name=m><AREA HREF=/a PING=//www.facebook.com/tr?id=1 shape=rect></map>");
    }

    @Test
    void oneTrackerAmongThePingsURLsMakesTheWholePingInert() {
        assertRewritten("<a href=/x data-cg-blocked-ping=\"/own/click\n https://www.facebook.com/tr?ev=click\">x</a>",
                "<a href=/x ping=\"/own/click\n https://www.facebook.com/tr?ev=click\">x</a>");
    }

    @Test
    void everyPingOfTheLinkGoesNotOnlyTheFirst() {
        // a browser reads the first; were only that one renamed, the second would be read in its place
        assertRewritten("<a href=/x data-cg-blocked-ping=\"" + GA + "\" data-cg-blocked-ping='/own'>x</a>",
                "<a href=/x ping=\"" + GA + "\" ping='/own'>x</a>");
    }

    @Test
    void aPingAgainstATrackersBaseIsATrackersPing() {
        assertRewritten("<base href=\"https://www.google-analytics.com/\"><a href=/x data-cg-blocked-ping=collect>x</a>",
                "<base href=\"https://www.google-analytics.com/\"><a href=/x ping=collect>x</a>");
    }

    @Test
    void theSitesOwnPingsAndLinksWithoutPingsStay() {
        assertUntouched("<a href=\"https://www.google-analytics.com/\">Google Analytics</a>"
                + "<a href=/x ping=\"/log/click https://cdn.example-static.net/p\">x</a><area href=/m ping=/p>"
                + "<a ping-like=\"" + GA + "\" data-ping=\"" + GA + "\">y</a><abbr ping=\"" + GA + "\">z</abbr>");
    }

    @Test
    void pingsInCommentsAndTextStayWhereTheyAre() {
        assertUntouched("<!-- <a href=/x ping=\"" + GA + "\">x</a> --><textarea><a ping=\"" + GA + "\"></textarea>"
                + "<div title='<a ping=\"" + GA + "\">'></div>");
        // an end tag's attributes mean nothing
        assertUntouched("<a href=/x>x</a ping=\"" + GA + "\">");
    }

    @Test
    void theRemovalIsReportedAsTheLinksNeutralization() {
        List<RewriteEvent> events = new ArrayList<>();
        Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, ("<p>\n<a href=/x ping=\"" + GA + "\">x</a>")
                .getBytes(StandardCharsets.UTF_8), List.of(4), Optional.empty(), events);
        assertEquals(1, events.size(), events.toString());
        RewriteEvent e = events.get(0);
        assertEquals(2, e.line());
        assertEquals("a", e.element());
        assertEquals("www.google-analytics.com", e.host());
        assertEquals("analytics", e.category());
        assertEquals(RewriteEvent.Action.NEUTRALIZED, e.action());
    }

    @Test
    void aLinkPastTheTagLimitKeepsOnlyWhatWasReadWholeWhereverTheChunksEnd() {
        TagPolicy policy = TestRules.policy(HtmlSettings.defaults().withLimits(256 * 1024, 128));
        String data = " data-x=\"" + "y".repeat(300) + "\"";
        // its ping read before the limit: made inert; what the limit left unread goes
        String early = "<a href=/x ping=\"" + GA + "\"" + data + " class=c>x</a>";
        // a ping may follow the limit: the link keeps what was read whole, closed
        String late = "<a href=/x class=c" + data + " ping=\"" + GA + "\">x</a>";
        String none = "<a href=/x class=c" + data + ">x</a>";
        for (String html : List.of(early, late, none)) {
            byte[] in = ("<p>\n" + html).getBytes(StandardCharsets.UTF_8);
            List<RewriteEvent> whole = new ArrayList<>();
            String expected = new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, in, List.of(in.length),
                    Optional.empty(), whole), StandardCharsets.UTF_8);
            for (int size : new int[] {1, 5, 64, 200}) {
                List<RewriteEvent> events = new ArrayList<>();
                assertEquals(expected, new String(Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, in, List.of(size),
                        Optional.empty(), events), StandardCharsets.UTF_8), html + " " + size);
                assertEquals(whole, events, html + " " + size);
            }
            assertEquals(1, whole.size(), html + " " + whole);
            assertEquals(RewriteEvent.Action.NEUTRALIZED, whole.get(0).action());
            if (html.equals(early)) {
                assertEquals("<p>\n<a href=/x data-cg-blocked-ping=\"" + GA + "\">x</a>", expected);
                assertEquals("google-analytics", whole.get(0).ruleId());
            } else {
                assertEquals("<p>\n<a href=/x class=c>x</a>", expected);
                assertEquals("unread-past-limit", whole.get(0).ruleId());
            }
        }
    }
}
