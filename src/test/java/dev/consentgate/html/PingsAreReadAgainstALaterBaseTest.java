package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A browser reads a link's ping against the document's base as the visitor follows the link, not as the link comes:
 * a base after the link makes a ping naming no host that base's host's. Such a base goes when a ping before it,
 * read against it, is a tracker's: the links' pings then stay on the page's host (see
 * LinkPingsReachNoTrackerE2ETest). Bases after which no such ping would reach a tracker stay.
 */
class PingsAreReadAgainstALaterBaseTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String rewrite(String html) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    /** The page rewritten in chunks of {@code size} bytes, and its events. */
    private static String rewrite(String html, int size, List<RewriteEvent> events) {
        return new String(Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(StandardCharsets.UTF_8),
                List.of(size), Optional.empty(), events), StandardCharsets.UTF_8);
    }

    // Before (found by a review): the ping, read before any base, passed, and the base after it stayed; Chromium 150
    // read "/tr?ev=click" against it as the visitor followed the link and pinged www.facebook.com
    @Test
    void aBaseAfterALinkWhosePingItMakesATrackersGoes() {
        String link = "<p><a href=\"https://www.example.com/next\" ping=\"/tr?ev=click\">Next</a></p>";
        String page = "<body>" + link + "<base href=\"https://www.facebook.com/\"><p>after</p>";
        List<RewriteEvent> whole = new ArrayList<>();
        String expected = rewrite(page, page.length(), whole);
        assertEquals("<body>" + link + "<p>after</p>", expected);
        assertEquals(1, whole.size(), whole.toString());
        assertEquals("base", whole.get(0).element());
        assertEquals("meta-pixel", whole.get(0).ruleId());
        assertEquals(RewriteEvent.Action.REMOVED, whole.get(0).action());
        for (int size : new int[] {1, 3, 16}) {
            List<RewriteEvent> events = new ArrayList<>();
            assertEquals(expected, rewrite(page, size, events), "chunks of " + size);
            assertEquals(whole, events, "chunks of " + size);
        }
        // a path relative to the page's, a query, an area's ping among the site's own: the same
        assertFalse(rewrite("<a href=/x ping=collect>x</a><base href=\"https://www.google-analytics.com/\">")
                .contains("<base"));
        assertFalse(rewrite("<a href=/x ping=\"?id=1&amp;ev=click\">x</a><base href=\"https://www.facebook.com/tr\">")
                .contains("<base"));
        assertFalse(rewrite("<map name=m><area href=/x ping=\"/own https://cdn.example.org/p /tr?ev=1\"></map>"
                + "<base href=\"https://www.facebook.com/\">").contains("<base"));
    }

    // Before (found by a review): the same, the base the document's after another one gone over the list's limit
    @Test
    void theNextBaseAfterOneRemovedIsReadAgainstThePingsToo() {
        StringBuilder page = new StringBuilder("<a href=/x ping=\"/tr?ev=1\">x</a><template>");
        for (int k = 0; k < 32; k++) {
            page.append("<base href=\"https://cdn").append(k).append(".example/\">");
        }
        page.append("</template><base href=\"https://cdn-more.example/\"><base href=\"https://www.facebook.com/\">");
        assertFalse(rewrite(page.toString()).contains("www.facebook.com"), rewrite(page.toString()));
    }

    // Before (found by a review): no ping before a base was read against it, however many
    @Test
    void aBaseNamingAHostAfterMorePingsThanAreKeptGoes() {
        StringBuilder links = new StringBuilder();
        for (int k = 0; k < 2000; k++) {
            links.append("<a href=/x ping=\"/own/ping/").append(k).append("\">x</a>");
        }
        String page = links + "<base href=\"https://cdn.example.org/\">";
        List<RewriteEvent> events = new ArrayList<>();
        assertEquals(links.toString(), rewrite(page, page.length(), events));
        assertEquals(1, events.size(), events.toString());
        assertEquals("pings-before-base-past-limit", events.get(0).ruleId());
        // one naming no host changes no ping's host
        String relativeBase = links + "<base href=\"/static/\">";
        assertEquals(relativeBase, rewrite(relativeBase));
    }

    @Test
    void basesThatMakeNoPingATrackersStay() {
        // the site's own pings under its CDN; a tracker's base after the document's first, which a browser ignores;
        // absolute pings, judged as they came
        for (String page : List.of(
                "<a href=/x ping=\"/log/click\">x</a><base href=\"https://cdn.example.org/\">",
                "<head><base href=\"https://cdn.example.org/\"></head><a href=/x ping=/collect>x</a>"
                        + "<base href=\"https://www.google-analytics.com/\">",
                "<a href=/x ping=\"https://cdn.example.org/p\">x</a><base href=\"https://www.facebook.com/\">",
                "<a href=/x>x</a><base href=\"https://www.facebook.com/\">")) {
            assertEquals(page, rewrite(page));
        }
    }
}
