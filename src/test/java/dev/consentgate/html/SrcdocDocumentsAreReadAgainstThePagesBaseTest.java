package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A frame's srcdoc document has no URL of its own: without a base of its own, a browser reads its relative URLs (an
 * image's, a link's ping) against the base of the page that holds the frame. They are judged there, and the frame
 * goes as it would for a tracker's absolute URL (see SrcdocDocumentsUnderThePagesBaseReachNoTrackerE2ETest).
 */
class SrcdocDocumentsAreReadAgainstThePagesBaseTest {

    private static final String META_BASE = "<base href=\"https://www.facebook.com/\">";

    // Before (found by a review): the srcdoc document was judged on its own, its relative URLs against no base, and
    // the frame stayed; Chromium 150 loaded the image from the page's base on www.facebook.com
    @Test
    void aRelativeUrlThePagesBaseMakesATrackersBlocksTheFrame() {
        for (String frame : List.of("<iframe srcdoc=\"<p>x</p><img src='/tr?id=1&amp;ev=PageView'>\"></iframe>",
                // a link's ping, sent as the visitor follows the link
                "<iframe srcdoc=\"<a href='https://www.example.com/' ping='tr?ev=click'>x</a>\"></iframe>")) {
            String out = rewrite("<head>" + META_BASE + "</head><body>" + frame);
            assertFalse(out.contains("srcdoc"), out);
        }
        // a base written with characters an attribute escapes
        String out = rewrite("<base href='https://www.facebook.com/?a=\"&amp;b'><iframe srcdoc=\"<img src=tr?id=1>\">"
                + "</iframe>");
        assertFalse(out.contains("srcdoc"), out);
    }

    @Test
    void framesWhoseUrlsStayOffTrackersStay() {
        for (String page : List.of(
                // no relative URL, under a tracker's base
                META_BASE + "<iframe srcdoc=\"<p>hello</p><img src='https://www.example.com/a.png'>\"></iframe>",
                // the site's own under its CDN
                "<base href=\"https://cdn.example.org/\"><iframe srcdoc=\"<img src='/img/a.png'>\"></iframe>",
                // no base
                "<iframe srcdoc=\"<img src='/tr?id=1'>\"></iframe>")) {
            assertEquals(page, rewrite(page));
        }
    }
}
