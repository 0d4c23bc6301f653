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
 * An XSLT stylesheet writes markup its own markup does not show: text or a value with
 * {@code disable-output-escaping="yes"} ({@code &lt;script&gt;} comes out as a script, which Chromium 150 runs), and
 * {@code xsl:copy-of} of what {@code document()} loads (a document copied in whole, scripts included, which Chromium
 * runs too). Such an instruction goes with its content.
 */
class XsltUnescapedAndCopiedOutputIsJudgedTest {

    private static String stylesheet(String template) {
        return "<?xml version=\"1.0\"?><xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/"
                + "Transform\"><xsl:output method=\"html\"/><xsl:template match=\"/\"><html><body>"
                + "<p id=\"first\">first</p>" + template + "<p id=\"last\">last</p></body></html></xsl:template>"
                + "</xsl:stylesheet>";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Before (found by a review): GTM's script written as unescaped text passed; Chromium ran what it wrote
        "<xsl:text disable-output-escaping=\"yes\">&lt;script src=\"https://www.googletagmanager.com/gtm.js?id=GTM-X"
                + "\"&gt;&lt;/script&gt;</xsl:text>",
        // Before (found by a review): the same under another prefix, the pixel split by a character reference
        "<t:text xmlns:t=\"http://www.w3.org/1999/XSL/Transform\" disable-output-escaping=\"yes\">&lt;img src="
                + "\"https://www.faceb&#111;ok.com/tr?id=1\"&gt;</t:text>",
        // Before (found by a review): a value written unescaped, whose markup the stylesheet does not show
        "<xsl:value-of disable-output-escaping=\"yes\" select=\"/doc/tag\"/>",
        // Before (found by a review): a document loaded by document() and copied in whole, its scripts with it
        "<xsl:copy-of select=\"document('/partials/tags.xml')/*\"/>",
    })
    void unescapedOrCopiedOutputGoes(String template) {
        String out = rewrite(stylesheet(template));
        assertFalse(out.contains("disable-output-escaping") || out.contains("document("), out);
        assertNull(xmlError(out), "the stylesheet is no longer well-formed: " + out);
        assertTrue(out.contains("<p id=\"last\">last</p>"), "the rest of the stylesheet went: " + out);
    }

    // What must not change: escaped text and values, copies of the source document, SVG's text
    @Test
    void escapedOutputAndOwnCopiesPass() {
        String page = stylesheet("<xsl:text>&lt;b&gt;</xsl:text><xsl:value-of select=\"/doc/title\"/>"
                + "<xsl:text disable-output-escaping=\"no\">a</xsl:text><xsl:copy-of select=\"/doc/body/*\"/>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"1\" y=\"1\">t</text></svg>");
        assertEquals(page, rewrite(page));
    }
}
