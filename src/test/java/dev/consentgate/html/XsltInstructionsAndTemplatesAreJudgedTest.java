package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An XSLT stylesheet (which a page's {@code <?xml-stylesheet type="text/xsl"?>} makes Chromium run) writes elements
 * and attributes the rewriter cannot read as they are: an attribute value template ({@code src="https://{$h}/t.js"})
 * is evaluated, {@code xsl:element} and {@code xsl:attribute} make an element or attribute of the name they are given.
 * Each stylesheet here made Chromium load its tracker before the fix (served as text/xsl, through a page served as
 * application/xml naming it).
 */
class XsltInstructionsAndTemplatesAreJudgedTest {

    private static String stylesheet(String template) {
        return "<?xml version=\"1.0\"?><xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/"
                + "Transform\"><xsl:output method=\"html\"/><xsl:variable name=\"h\">www.facebook.com</xsl:variable>"
                + "<xsl:template match=\"/\"><html><body><p id=\"first\">first</p>" + template
                + "<p id=\"last\">last</p></body></html></xsl:template></xsl:stylesheet>";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Before (found by a review): an attribute value template split GTM's host; XSLT joined it and Chromium ran it
        "<script src=\"https://www.google{''}tagmanager.com/gtm.js?id=GTM-X\"></script>",
        // Before (found by a review): a pixel's host from a variable passed; Chromium loaded it
        "<img src=\"https://{$h}/tr?id=1\" alt=\"\"/>",
        // Before (found by a review): xsl:element writing a script with xsl:attribute's src passed; Chromium ran it
        "<xsl:element name=\"script\"><xsl:attribute name=\"src\">https://www.googletagmanager.com/gtm.js?id=GTM-X"
                + "</xsl:attribute></xsl:element>",
        // Before (found by a review): a literal img given its src by xsl:attribute passed; Chromium loaded the pixel
        "<img alt=\"\"><xsl:attribute name=\"src\">https://www.facebook.com/tr?id=1</xsl:attribute></img>",
        // Before (found by a review): names computed by templates passed; Chromium loaded the pixel
        "<xsl:element name=\"{concat('i','mg')}\"><xsl:attribute name=\"{concat('s','rc')}\">https://www.facebook.com"
                + "/tr?id=1</xsl:attribute></xsl:element>",
        // Before (found by a review): a prefixed instruction writing a self-closing script passed
        "<x:element xmlns:x=\"http://www.w3.org/1999/XSL/Transform\" name=\"h:script\"/>",
    })
    void whatTheStylesheetWouldWriteUnreadGoes(String template) {
        String page = stylesheet(template);
        String out = rewrite(page);
        assertFalse(out.contains("facebook.com/tr") || out.contains("tagmanager") || out.contains("h:script"), out);
        assertNull(xmlError(out), "the stylesheet is no longer well-formed: " + out);
        assertTrue(out.contains("<p id=\"last\">last</p>"), "the rest of the stylesheet went: " + out);
    }

    // What must not change: a stylesheet's own elements, attributes and templates outside addresses pass whole
    @Test
    void aStylesheetsOwnMarkupPassesWhole() {
        String page = stylesheet("<xsl:element name=\"p\"><xsl:attribute name=\"class\">note</xsl:attribute>"
                + "<xsl:value-of select=\"/doc/title\"/></xsl:element><p title=\"{/doc/title}\">t</p>"
                + "<img src=\"/logo.png\" alt=\"{{logo}}\"/><script src=\"/app.js\"></script>");
        assertEquals(page, rewrite(page));
    }
}
