package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.PIXEL;
import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In a page parsed as XML a script's content is markup: the code Chromium runs is its text as the XML parser gives
 * it, character references decoded, CDATA sections' markers and comments gone, and an element in it is an element.
 * Each script here ran its tracker in Chromium (served as application/xhtml+xml) before the fix.
 */
class XhtmlScriptTextIsJudgedAsTheXmlParserGivesItTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // Before (found by a review): "f&#98;q(" passed, the signature search seeing the bytes; Chromium ran fbq(
        "<script>f&#98;q('init', '1'); f&#98;q('track', 'PageView');</script>",
        // Before (found by a review): the same with a hexadecimal reference
        "<script>&#x66;bq('init', '1');</script>",
        // Before (found by a review): a CDATA section's markers split the signature; XML joins the sections' text
        "<script><![CDATA[ f]]><![CDATA[bq('init', '1'); ]]></script>",
        // Before (found by a review): a comment inside the script is no text to XML: "fb<!-- -->q(" is fbq(
        "<script>fb<!-- x -->q('init', '1');</script>",
        // Before (found by a review): a reference spelt the tracker's host in a URL the script loads
        "<script>new Image().src = 'https://www.faceb&#111;ok.com/tr?id=1';</script>",
    })
    void theCodeRunIsTheScriptsTextAsXmlGivesIt(String script) {
        String page = xhtml(script);
        String out = rewrite(page);
        assertNotEquals(page, out, "the script passed");
        assertNull(xmlError(out), "the page is no longer well-formed: " + out);
    }

    // Before (found by a review): a pixel inside an XHTML script passed as script text; in XML it is an element,
    // and Chromium loaded it
    @Test
    void anElementInsideAScriptIsMarkup() {
        String out = rewrite(xhtml("<script>var a = 1;<img src=\"" + PIXEL + "\" alt=\"\"/></script>"));
        assertFalse(out.contains(PIXEL), out);
        assertNull(xmlError(out), out);
    }

    // What must not change: a page's own script in a CDATA section, with references, passes byte for byte
    @Test
    void aPagesOwnScriptPassesWhole() {
        String page = xhtml("<script><![CDATA[ if (1 < 2 && 3 > 2) { document.title = 'a'; } ]]></script>"
                + "<script>var b = 1 &lt; 2 &amp;&amp; 'x';</script>");
        assertEquals(page, rewrite(page));
    }
}
