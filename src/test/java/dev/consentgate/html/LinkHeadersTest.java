package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Resource hints in a Link header, judged like the link elements they stand for. */
class LinkHeadersTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final PageSite SITE = PageSite.ofHost("shop.test");

    private static String keep(String value) {
        return LinkHeaders.keepAllowed(value, POLICY, TestRules.ESSENTIAL_ONLY, SITE);
    }

    @Test
    void aHintToATrackerGoesAndEverythingElseStays() {
        assertNull(keep("<https://www.googletagmanager.com>; rel=preconnect"));
        assertEquals("</app.css>; rel=preload; as=style",
                keep("<//www.google-analytics.com>; rel=dns-prefetch, </app.css>; rel=preload; as=style"));
        // a rel list, in any case, quoted; modulepreload, prefetch and prerender too
        for (String rel : new String[] {"\"preload prefetch\"", "PRELOAD", "\"icon preconnect\"", "modulepreload",
            "prefetch", "prerender"}) {
            assertNull(keep("<https://connect.facebook.net/en_US/fbevents.js>; as=script; rel=" + rel), rel);
        }
        String notHints = "<https://www.googletagmanager.com/about>; rel=canonical, <https://www.facebook.com/shop>;"
                + " rel=\"me\", <https://www.googletagmanager.com/>";
        assertEquals(notHints, keep(notHints), "only hints load anything ahead of the page");
        assertEquals("<https://cdn.example.com>; rel=preconnect; crossorigin",
                keep("<https://cdn.example.com>; rel=preconnect; crossorigin"));
    }

    @Test
    void aGrantedCategoryKeepsItsHints() {
        String value = "<https://www.googletagmanager.com>; rel=preconnect";
        assertEquals(value, LinkHeaders.keepAllowed(value, POLICY, TestRules.consent("essential", "analytics"), SITE));
    }

    @Test
    void commasInsideQuotesOrTheUrlDoNotSplitALink() {
        assertEquals("</a,b.css>; rel=preload; title=\"x, y\"",
                keep("</a,b.css>; rel=preload; title=\"x, y\", <https://www.googletagmanager.com>; rel=preconnect"));
        // an escaped quote does not end the quoted string: what looks like a link inside it is not one
        String first = "</a.css>; title=\"x\\\", <https://www.googletagmanager.com>; rel=preconnect\"; rel=preload";
        assertEquals(first, keep(first + ", <https://www.googletagmanager.com/gtm.js>; rel=preload"));
    }

    @Test
    void angleBracketsInParametersQuoteCommasAsInBrowsers() {
        // Chromium splits this in two: the link to ok.example, and a preload of the tracker's script
        assertEquals("<http://ok.example/>; a=<\">", keep("<http://ok.example/>; a=<\">, "
                + "<http://www.googletagmanager.com/gtag/js\">; rel=preload; as=script"));
    }

    @Test
    void aValueThatCannotBeReadIsDropped() {
        for (String bad : new String[] {"https://www.googletagmanager.com; rel=preconnect", "</a.css; rel=preload",
            "</a.css>; title=\"open", "</a.css>; rel=preload, junk"}) {
            assertNull(keep(bad), bad);
        }
    }
}
