package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * A link's ping, a cell's background and a body's handler a rule blocks are renamed {@code data-cg-blocked-NAME}, the
 * element kept: where the element already has an attribute of that name, XML (unlike HTML, which keeps the first)
 * stops at the repeated one, and Chromium shows its XML error page instead of the page served as
 * application/xhtml+xml. The element's own attribute of that name goes.
 */
class AttributesMadeInertInXmlRepeatNoNameTest {

    private static final String GA = "https://www.google-analytics.com/collect";

    private static void assertRewrittenWellFormed(String expected, String element) {
        String out = rewrite(xhtml(element));
        assertNull(xmlError(out), "the page is no longer well-formed: " + out);
        assertEquals(xhtml(expected), out);
    }

    // Before (found by a review): the link came out with data-cg-blocked-ping twice, and the XHTML page did not parse
    @Test
    void aLinksPingBesideThePagesOwnDataCgBlockedPing() {
        assertRewrittenWellFormed("<a href=\"/x\" data-cg-blocked-ping=\"" + GA + "\" class=\"c\">x</a>",
                "<a href=\"/x\" ping=\"" + GA + "\" data-cg-blocked-ping=\"/own\" class=\"c\">x</a>");
        // before the ping, first among the attributes
        assertRewrittenWellFormed("<a data-cg-blocked-ping=\"" + GA + "\">x</a>",
                "<a data-cg-blocked-ping=\"/own\" ping=\"" + GA + "\">x</a>");
    }

    // Before (found by a review): the same with a cell's background (and a body's handler, renamed alike)
    @Test
    void aCellsBackgroundBesideThePagesOwn() {
        assertRewrittenWellFormed("<table><tr><td data-cg-blocked-background=\"" + GA + "\">c</td></tr></table>",
                "<table><tr><td data-cg-blocked-background=\"x.png\" background=\"" + GA + "\">c</td></tr></table>");
    }

    /** A name that differs in case is another name in XML: both stay. */
    @Test
    void aNameInAnotherCaseStays() {
        assertRewrittenWellFormed("<a href=\"/x\" data-cg-blocked-ping=\"" + GA + "\" data-cg-blocked-PING=\"1\">x</a>",
                "<a href=\"/x\" ping=\"" + GA + "\" data-cg-blocked-PING=\"1\">x</a>");
    }
}
