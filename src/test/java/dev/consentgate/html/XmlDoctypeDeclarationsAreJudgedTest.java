package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.GTM;
import static dev.consentgate.html.XmlPages.PIXEL;
import static dev.consentgate.html.XmlPages.SVG_NS;
import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A page parsed as XML may declare entities and attribute defaults in its DOCTYPE's internal subset, and Chromium's
 * XML parser uses them: an entity is expanded in an attribute, in a script's text and in content (where its
 * replacement text is parsed as markup), and an ATTLIST default gives an element an attribute no tag shows. Each page
 * here loaded or ran its tracker in Chromium (served as application/xhtml+xml) before the fix.
 */
class XmlDoctypeDeclarationsAreJudgedTest {

    private static String doctype(String declarations) {
        return "<!DOCTYPE html [" + declarations + "]>";
    }

    private static void assertBlockedAndWellFormed(String page) {
        String out = rewrite(page);
        assertNotEquals(page, out, "the tracker passed");
        assertNull(xmlError(out), "the page is no longer well-formed: " + out);
        assertTrue(out.contains("<p id=\"last\">last</p>"), "the rest of the page went: " + out);
    }

    // Before (found by a review): a script's src naming an entity whose value is GTM's address passed, judged as the
    // relative URL "&t;"; Chromium expanded it and loaded gtm.js
    @Test
    void anEntityInAScriptsSrcIsExpanded() {
        String page = xhtml(doctype("<!ENTITY t \"https://www.googletagmanager.com/gtm.js\">"), "",
                "<script src=\"&t;?id=GTM-X\"/>");
        String out = rewrite(page);
        assertFalse(out.contains(" src=\"&t;"), out);
        assertBlockedAndWellFormed(page);
    }

    // Before (found by a review): the same with the host split between the tag and the entity
    @Test
    void anEntityHoldingPartOfAHostIsExpanded() {
        assertBlockedAndWellFormed(xhtml(doctype("<!ENTITY h \"googletagmanager.com\">"), "",
                "<script src=\"https://www.&h;/gtm.js?id=GTM-X\"/>"));
    }

    // Before (found by a review): an image's src naming an entity that names another passed; Chromium loaded the pixel
    @Test
    void anEntityNamingAnotherIsExpandedInTurn() {
        String page = xhtml(doctype("<!ENTITY host \"www.facebook.com\"><!ENTITY px \"https://&host;/tr?id=1\">"),
                "", "<img src=\"&px;\" alt=\"\"/>");
        String out = rewrite(page);
        assertFalse(out.contains("<img src=\"&px;\""), out);
        assertNull(xmlError(out), out);
    }

    // Before (found by a review): a script whose text is an entity holding Meta's pixel code passed; Chromium ran it
    @Test
    void anEntityInAScriptsTextIsExpanded() {
        assertBlockedAndWellFormed(xhtml(doctype("<!ENTITY t \"fbq('init', '1'); fbq('track', 'PageView');\">"), "",
                "<script>&t;</script>"));
    }

    // Before (found by a review): an entity whose replacement text is a pixel passed (the HTML tokenizer ended the
    // DOCTYPE at the img's '>'); Chromium parsed the text where the entity was used and loaded the pixel. Now the
    // entity's value is emptied, and its use inserts nothing
    @Test
    void anEntityHoldingMarkupThatLoadsATrackerIsEmptied() {
        for (String value : new String[] {"<img src='" + PIXEL + "' alt=''/>",
            "&#60;img src='" + PIXEL + "' alt=''/>", "<span><script src='" + GTM.replace("&", "&amp;")
                    + "'/></span>"}) {
            String page = xhtml(doctype("<!ENTITY t \"" + value + "\">"), "", "<p>&t;</p>");
            String out = rewrite(page);
            assertTrue(out.contains("<!ENTITY t \"\">"), value + ": " + out);
            assertNull(xmlError(out), out);
        }
    }

    // Before (found by a review): an ATTLIST declaration defaulting script's src to GTM passed, and <script/> loaded
    // it in Chromium (a default attribute is in no tag). Now such a declaration goes
    @Test
    void anAttributeDefaultIsTakenOut() {
        String page = xhtml(doctype("<!ATTLIST script src CDATA \"" + GTM.replace("&", "&amp;") + "\">"), "",
                "<script/>");
        String out = rewrite(page);
        assertFalse(out.contains("ATTLIST"), out);
        assertBlockedAndWellFormed(page);
    }

    // Before (found by a review, 2026-12-02): a parameter entity's reference was passed over, and Chromium 156 made
    // the declarations it holds in an SVG document: an entity naming Meta's pixel used in an image's href, and an
    // ATTLIST default giving every image that href, each loaded. Now each reference goes (reported), and what it
    // would have declared is never declared (a use of an entity it declared then breaks the page: failing closed)
    @Test
    void aParameterEntityReferenceIsTakenOut() {
        String pixel = PIXEL.replace("&", "&#38;#38;");
        for (String declarations : List.of("<!ENTITY % d \"<!ENTITY u '" + pixel + "'>\"> %d; ",
                "<!ENTITY % a \"<!ATTLIST image href CDATA '" + pixel + "'>\">\n%a;\n")) {
            String page = "<?xml version=\"1.0\"?><!DOCTYPE svg [" + declarations + "]><svg xmlns=\"" + SVG_NS
                    + "\" width=\"9\" height=\"9\"><image href=\"&u;\" width=\"9\" height=\"9\"/></svg>";
            String out = rewrite(page);
            assertFalse(out.contains("%d;") || out.contains("%a;"), out);
            assertEquals(page.replace("%d;", "").replace("%a;", ""), out);
            assertEquals(out, XmlPages.rewriteInChunks(page, 1));
        }
    }

    // What must not change: a page's own entities, comments and processing instructions in its prolog pass whole
    @Test
    void aPagesOwnDeclarationsPassWhole() {
        String page = xhtml("<!-- shop --><?xml-stylesheet href=\"/s.css\" type=\"text/css\"?>"
                + doctype("<!ENTITY copy \"&#169; Shop\"><!ENTITY logo \"<img src='/logo.png' alt=''/>\">"
                        + "<!-- > ] --><!ATTLIST p class NMTOKEN #IMPLIED>"), "",
                "<p>&copy; &logo;</p><script src=\"/app.js\"/>");
        assertEquals(page, rewrite(page));
    }

    // What must not change: the DOCTYPE read a byte at a time gives the same page as read at once
    @Test
    void theDoctypeIsReadAlikeInAnyChunks() {
        String page = xhtml(doctype("<!ENTITY t \"<img src='" + PIXEL + "' alt=''/>\"><!ENTITY u \"/ok.js\">"), "",
                "<p>&t;</p><script src=\"&u;\"/>");
        assertEquals(rewrite(page), XmlPages.rewriteInChunks(page, 1));
    }
}
