package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.HtmlSettings;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Elements Chromium fetches a URL for with the page, without the visitor doing anything: a stylesheet, an image
 * button, a video's poster and src, an audio's src, a text track, a body's background, SVG's feImage. A tracker's URL
 * there is removed like a pixel's (a stylesheet like a hint), under a category not granted; under consent, and for
 * the site's own URLs or a host no rule names, the page is byte for byte what it was. Each was found by a review:
 * Chromium 150 requested the tracker's URL through the gateway (see ElementsThatLoadOnTheirOwnReachNoTrackerE2ETest).
 */
class ElementsThatLoadOnTheirOwnAreJudgedTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String rewrite(String html, dev.consentgate.consent.ConsentDecision consent) {
        return new String(HtmlRewriter.rewriteAll(POLICY, consent, html.getBytes(StandardCharsets.UTF_8),
                RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    private static void assertRewritten(String expected, String html) {
        assertEquals(expected, rewrite(html, TestRules.ESSENTIAL_ONLY), html);
        // granted, nothing changes
        assertEquals(html, rewrite(html, TestRules.EVERYTHING), html);
    }

    private static void assertUntouched(String html) {
        assertEquals(html, rewrite(html, TestRules.ESSENTIAL_ONLY), html);
    }

    @Test
    void aTrackersStylesheetGoesWhereverItIs() {
        // Before (found by a review): only a stylesheet inside noscript was judged; in the head, Meta's host received
        // the request with the visitor's cookies
        assertRewritten("<head><title>t</title></head>", "<head><title>t</title>"
                + "<link rel=\"stylesheet\" href=\"https://connect.facebook.net/x/style.css\"></head>");
        assertRewritten("<p>x", "<link rel=\"alternate stylesheet\" href=\"https://www.facebook.com/tr?css\"><p>x");
    }

    @Test
    void theSitesOwnStylesheetsAndThoseOfHostsNoRuleNamesStay() {
        assertUntouched("<link rel=\"stylesheet\" href=\"/css/site.css\"><link rel=stylesheet href=\"main.css\">"
                + "<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css2?family=Roboto\">"
                + "<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net/npm/bootstrap@5/dist/css/bootstrap.css\">");
    }

    @Test
    void anImageButtonsTrackerSourceGoes() {
        // Before (found by a review): input was skipped unread, and Chromium loaded the image button's src
        assertRewritten("<form></form>", "<form><input type=\"image\" src=\"https://www.facebook.com/tr?id=1\">"
                + "</form>");
        assertRewritten("<form></form>", "<form><input TYPE=\"Image\" src=\"https://www.facebook.com/tr?id=1\">"
                + "</form>");
        // another input loads no src
        assertUntouched("<form><input type=\"text\" src=\"https://www.facebook.com/tr?id=1\"><input name=q>"
                + "<input type=\"image\" src=\"/go.png\"></form>");
    }

    @Test
    void anInputPastTheTagLimitGoesOnlyWhenItMayBeAnImageButton() {
        // ASP.NET's view state, longer than the 16 KiB a tag is judged on: a hidden input loads nothing
        String viewState = "<form><input type=\"hidden\" name=\"__VIEWSTATE\" value=\"" + "dDw".repeat(12_000)
                + "\"></form>";
        assertUntouched(viewState);
        // nor is it reported as passed past a limit, as an element judging stopped at would be
        assertEquals(List.of(), EssentialOnly.events(viewState));
        // an image button whose src the limit cut cannot be judged: it goes, failing closed
        String cut = "<form><input type=\"image\" src=\"https://www.example.com/" + "a".repeat(20_000) + "\"></form>";
        assertEquals("<form></form>", rewrite(cut, TestRules.ESSENTIAL_ONLY));
    }

    @Test
    void aVideoWithATrackerPosterOrSourceGoes() {
        // Before (found by a review): video was skipped unread, and Chromium fetched its poster and its src (the
        // metadata of the default preload) from the tracker's host
        assertRewritten("<p>before</p><source src=\"/v.webm\">No video here.</video><p>after", "<p>before</p>"
                + "<video poster=\"https://www.facebook.com/tr?p\" src=\"/v.mp4\"><source src=\"/v.webm\">"
                + "No video here.</video><p>after");
        assertRewritten("</video><p>after", "<video src=\"https://www.facebook.com/tr?v\"></video><p>after");
        assertRewritten("</video><p>after", "<video data-poster=\"https://www.facebook.com/tr?v\" class=\"lazy\">"
                + "</video><p>after");
        // unclosed inside a div, which a browser ends it with: what follows stays
        assertRewritten("<div></div><p>after", "<div><video src=\"https://www.facebook.com/tr?v\"></div><p>after");
        assertUntouched("<video poster=\"/poster.jpg\" src=\"/v.mp4\" controls><source src=\"/v.webm\">"
                + "<track default src=\"/captions.vtt\"></video>");
    }

    @Test
    void anAudioWithATrackerSourceGoes() {
        // Before (found by a review): audio was skipped unread, and Chromium fetched its src with the page
        assertRewritten("Fallback</audio><p>after", "<audio src=\"https://www.facebook.com/tr?a\" controls>Fallback"
                + "</audio><p>after");
        assertUntouched("<audio src=\"/a.mp3\" controls></audio>");
    }

    @Test
    void aTrackersTextTrackGoes() {
        // Before (found by a review): track was skipped unread, and Chromium fetched a default track (of a video with
        // crossorigin) from the tracker's host
        assertRewritten("<video src=\"/v.mp4\" crossorigin></video>", "<video src=\"/v.mp4\" crossorigin>"
                + "<track default kind=\"subtitles\" src=\"https://www.facebook.com/tr?t\"></video>");
    }

    @Test
    void aBodysTrackerBackgroundIsMadeInertAndTheBodyStays() {
        // Before (found by a review): body was skipped unread, and Chromium loaded its background image; then, until
        // 2026-11-30, the start tag went whole, its class and handlers with it
        assertRewritten("<head></head><body data-cg-blocked-background=\"https://www.facebook.com/tr?b\" class=\"home\">"
                + "<p>x</p>", "<head></head><body background=\"https://www.facebook.com/tr?b\" class=\"home\"><p>x</p>");
        assertUntouched("<head></head><body background=\"/bg.png\" class=\"home\"><p>x</p>");
    }

    @Test
    void aTablesRowsAndCellsTrackerBackgroundsAreMadeInert() {
        // Before: table, tr, td and th were skipped unread, and Chromium 150 loaded each one's background image
        // (by hand: four requests to a test server for the four elements of one page)
        assertRewritten("<table data-cg-blocked-background=\"https://www.facebook.com/tr?t\" width=\"100%\">"
                + "<tr data-cg-blocked-BACKGROUND='https://www.facebook.com/tr?r'><TD data-cg-blocked-background="
                + "https://www.facebook.com/tr?d>x</TD><th class=h data-cg-blocked-background=\"https://www.facebook.com"
                + "/tr?h\" data-cg-blocked-background=\"/own.png\">y</th></tr></table>",
                "<table background=\"https://www.facebook.com/tr?t\" width=\"100%\">"
                + "<tr BACKGROUND='https://www.facebook.com/tr?r'><TD background=https://www.facebook.com/tr?d>x</TD>"
                + "<th class=h background=\"https://www.facebook.com/tr?h\" background=\"/own.png\">y</th></tr></table>");
        assertUntouched("<table background=\"/bg.png\"><tr><td background=\"img/cell.gif\" onclick=\"go()\">x</td>"
                + "<td>y</td><th>z</th></tr></table><tr><td class=a>");
    }

    @Test
    void aTablesRowGroupsAndColumnsTrackerBackgroundsAreMadeInert() {
        // Before (found by a review, 2026-12-01): tbody, thead, tfoot, colgroup and col were skipped unread, and
        // Chromium 155 requested each one's background (five requests in its network log for one page)
        assertRewritten("<table><TBODY data-cg-blocked-background=\"https://www.facebook.com/tr?b\"><tr><td>x</td></tr>"
                + "</TBODY><thead data-cg-blocked-background=https://www.facebook.com/tr?h></thead><tfoot class=f "
                + "data-cg-blocked-background='https://www.facebook.com/tr?f'></tfoot><colgroup "
                + "data-cg-blocked-background=\"https://www.facebook.com/tr?g\"><col span=2 data-cg-blocked-background="
                + "\"https://www.facebook.com/tr?c\"></colgroup></table>",
                "<table><TBODY background=\"https://www.facebook.com/tr?b\"><tr><td>x</td></tr></TBODY>"
                + "<thead background=https://www.facebook.com/tr?h></thead><tfoot class=f "
                + "background='https://www.facebook.com/tr?f'></tfoot><colgroup background=\"https://www.facebook.com"
                + "/tr?g\"><col span=2 background=\"https://www.facebook.com/tr?c\"></colgroup></table>");
        assertUntouched("<table><colgroup><col span=2 background=\"/col.png\"></colgroup><thead><tr><th>h</th></tr>"
                + "</thead><tbody background=\"img/rows.gif\"><tr><td>x</td></tr></tbody><tfoot></tfoot></table>");
    }

    @Test
    void aCellPastTheTagLimitKeepsOnlyWhatWasReadWhole() {
        // Before (found while judging links' pings, 2026-12-01): a cell, row, table or body whose start tag passed
        // the size limit was reported neutralized (the limit may hide a background) but went out whole, so a
        // background after the limit still loaded
        TagPolicy policy = TestRules.policy(HtmlSettings.defaults().withLimits(256 * 1024, 128));
        String data = " data-x=\"" + "y".repeat(300) + "\"";
        String cell = "<table><tr><td class=c nowrap" + data + " background=//www.facebook.com/tr?c>x</td></tr></table>";
        String body = "<body class=home" + data + " background=https://www.facebook.com/tr?b><p>x";
        for (int size : new int[] {cell.length() + body.length(), 1, 7, 100}) {
            byte[] in = (cell + body).getBytes(StandardCharsets.UTF_8);
            assertEquals("<table><tr><td class=c>x</td></tr></table><body class=home><p>x", new String(
                    Chunks.rewrite(policy, TestRules.ESSENTIAL_ONLY, in, List.of(size)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCellsHandlersAreJudgedAsABodysAre() {
        // a cell's click handler runs when the visitor acts on it: judged by what it loads (a call of a vendor's
        // global meets its stand-in), the cell kept
        assertRewritten("<table><tr><td data-cg-blocked-onclick=\"new Image().src='https://www.facebook.com/tr'\">x"
                + "</td></tr></table>", "<table><tr><td onclick=\"new Image().src='https://www.facebook.com/tr'\">x"
                + "</td></tr></table>");
        assertUntouched("<table><tr><td onclick=\"fbq('track','Lead')\">x</td></tr></table>");
        // a body's onload runs with the page: made inert with the body kept, not the body removed
        assertRewritten("<head></head><body class=\"home\" data-cg-blocked-onload=\"fbq('init','1')\"><p>x</p>",
                "<head></head><body class=\"home\" onload=\"fbq('init','1')\"><p>x</p>");
    }

    @Test
    void anFeImageOfATrackerGoes() {
        // Before (found by a review): feImage was skipped unread, and Chromium loaded its href for the filter
        assertRewritten("<svg><filter id=\"f\"></filter></svg>", "<svg><filter id=\"f\">"
                + "<feImage href=\"https://www.facebook.com/tr?f\"/></filter></svg>");
        assertRewritten("<svg><filter id=\"f\"></filter></svg>", "<svg><filter id=\"f\">"
                + "<feimage xlink:href=\"https://www.facebook.com/tr?f\"/></filter></svg>");
        assertUntouched("<svg><filter id=\"f\"><feImage href=\"/texture.png\"/></filter></svg>");
    }

    @Test
    void anFeImageInAnXhtmlPageIsJudgedByItsCaseSensitiveName() {
        // Before (found by a review): an XML page keeps feImage's case; no name matched it
        String feImage = "<feImage xlink:href=\"" + XmlPages.PIXEL + "\"/>";
        String page = XmlPages.xhtml("<svg xmlns=\"" + XmlPages.SVG_NS + "\" xmlns:xlink=\"" + XmlPages.XLINK_NS
                + "\"><filter>" + feImage + "</filter></svg>");
        assertEquals(page.replace(feImage, ""), XmlPages.rewrite(page));
    }

    @Test
    void theirHandlersAreJudgedAsAnImgs() {
        // Before (found by a review): their tags were skipped unread, handlers too
        assertRewritten("</video><p>after", "<video src=\"/v.mp4\" onplay=\"fbq('track', 'ViewContent')\"></video>"
                + "<p>after");
    }
}
