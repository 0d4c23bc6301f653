package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.FBEVENTS;
import static dev.consentgate.html.XmlPages.GTM;
import static dev.consentgate.html.XmlPages.PIXEL;
import static dev.consentgate.html.XmlPages.SVG_NS;
import static dev.consentgate.html.XmlPages.XHTML_NS;
import static dev.consentgate.html.XmlPages.XLINK_NS;
import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * In a page parsed as XML an element's name is a prefix and a local name, the prefix bound to a namespace by an
 * xmlns attribute: {@code <h:script xmlns:h="http://www.w3.org/1999/xhtml">} is an XHTML script, and Chromium runs
 * it. The rewriter cannot cheaply follow which prefix is bound to which namespace, so it judges a prefixed element by
 * its local name and a prefixed address attribute ({@code l:href}) by its local name too; and what it removes or
 * neutralizes leaves the page well-formed, or Chromium shows its XML error page. Each page here loaded its tracker in
 * Chromium (served as application/xhtml+xml) before the fix.
 */
class PrefixedXmlNamesAreJudgedByTheirLocalNameTest {

    private static final String H = " xmlns:h=\"" + XHTML_NS + "\"";

    /**
     * A page whose tracker element the rewriter must take out or neutralize (a script made {@code text/plain}, whose
     * code and SVG href stay, inert), keeping the page well-formed and the rest of it.
     */
    private static void assertTrackerGoesPageStays(String page, String tracker) {
        String out = rewrite(page);
        Matcher tag = Pattern.compile("<[^<>]*" + Pattern.quote(tracker) + "[^<>]*>|<[^<>]*>[^<]*"
                + Pattern.quote(tracker)).matcher(out);
        while (tag.find()) {
            assertTrue(tag.group().contains(" type=\"text/plain\""), "the tracker passed: " + out);
        }
        assertNotEquals(page, out, "the tracker passed");
        assertNull(xmlError(out), "the page is no longer well-formed: " + out);
        assertTrue(out.contains("<p id=\"last\">last</p>"), "the rest of the page went: " + out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Before (found by a review): an XHTML script under a prefix passed as an ordinary element; Chromium ran it
        "<h:script" + H + " src=\"" + GTM + "\"/>",
        // Before (found by a review): the same with an end tag passed too
        "<h:script" + H + " src=\"" + GTM + "\"></h:script>",
        // Before (found by a review): its inline code passed unread
        "<h:script" + H + ">fbq('init', '1'); fbq('track', 'PageView');</h:script>",
        // Before (found by a review): a prefixed pixel passed; Chromium loaded it
        "<h:img" + H + " src=\"" + PIXEL + "\" alt=\"\"/>",
        // Before (found by a review): a prefixed frame passed; Chromium loaded it
        "<h:iframe" + H + " src=\"" + PIXEL + "\"/>",
        // Before (found by a review): a prefixed preload passed; Chromium fetched it
        "<h:link" + H + " rel=\"preload\" as=\"script\" href=\"" + FBEVENTS + "\"/>",
        // Before (found by a review): SVG's script under a prefix passed; Chromium ran it
        "<s:svg xmlns:s=\"" + SVG_NS + "\"><s:script href=\"" + GTM + "\"/></s:svg>",
        // Before (found by a review): an image's xlink href under another prefix than xlink passed; Chromium loaded it
        "<svg:svg xmlns:svg=\"" + SVG_NS + "\" xmlns:l=\"" + XLINK_NS + "\"><svg:image width=\"5\" height=\"5\""
                + " l:href=\"" + PIXEL + "\"/></svg:svg>",
        // Before (found by a review): an SVG script's prefixed href on an unprefixed script passed
        "<svg xmlns=\"" + SVG_NS + "\" xmlns:x=\"" + XLINK_NS + "\"><script x:href=\"" + GTM + "\"/></svg>",
        // the default namespace redeclared on a div makes its script SVG's, which loads its href
        "<div xmlns=\"" + SVG_NS + "\"><script href=\"" + GTM + "\"/></div>",
    })
    void aPrefixedElementIsJudgedAsTheElementOfItsLocalName(String tag) {
        String tracker = tag.contains("fbq(") ? "fbq(" : tag.contains(GTM) ? GTM : tag.contains(PIXEL) ? PIXEL
                : FBEVENTS;
        assertTrackerGoesPageStays(xhtml(tag), tracker.replace("&", "&amp;"));
    }

    // Before (found by a review): a prefixed refresh passed; Chromium navigated to the tracker
    @Test
    void aPrefixedRefreshIsJudged() {
        assertTrackerGoesPageStays(xhtml("", "<h:meta" + H + " http-equiv=\"refresh\" content=\"0;url=" + PIXEL
                + "\"/>", ""), PIXEL);
    }

    // Before (found by a review): a prefixed base passed, and the relative pixel after it loaded from the tracker
    @Test
    void aPrefixedBaseCountsForWhatFollows() {
        assertTrackerGoesPageStays(xhtml("<h:base" + H + " href=\"https://www.facebook.com/\"/>"
                + "<img src=\"tr?id=1\" alt=\"\"/>"), "tr?id=1");
    }

    // Before (found by a review): a self-closing script neutralized in XHTML had what followed it up to the next
    // </script> read as its content, where the page's own script went, its end tag left alone: the page was no
    // longer well-formed (Chromium showed its XML error page)
    @Test
    void aBlockedSelfClosingScriptTakesNothingAfterIt() {
        String page = xhtml("<script src=\"" + GTM + "\"/><p id=\"kept\">kept</p><div><script>var a = 1;</script>"
                + "</div>");
        String out = rewrite(page);
        assertFalse(out.contains(" src=\"" + GTM), out);
        assertNull(xmlError(out), out);
        assertTrue(out.contains("<p id=\"kept\">kept</p><div><script>var a = 1;</script></div>"), out);
    }

    // What must not change: the page's own prefixed elements pass byte for byte
    @Test
    void aPagesOwnPrefixedScriptPassesWhole() {
        String page = xhtml("<h:script" + H + " src=\"/app.js\"></h:script><h:script" + H + ">var a = 1 &lt; 2;"
                + "</h:script><h:img" + H + " src=\"/logo.png\" alt=\"\"/>");
        assertEquals(page, rewrite(page));
    }
}
