package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * In a page parsed as XML, an {@code <?xml-stylesheet href="..."?>} processing instruction before the root element
 * makes Chromium load its address with the page, as a stylesheet link would: one on a tracker's host goes, the site's
 * own and one of a host no rule names stay. Found by a review: Chromium 150 requested the tracker's URL through the
 * gateway (see XmlStylesheetInstructionsReachNoTrackerE2ETest).
 */
class XmlStylesheetInstructionsAreJudgedTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private static void assertRemoved(String instruction) {
        assertRemoved("", instruction);
    }

    private static void assertRemoved(String doctype, String instruction) {
        String page = xhtml(doctype + instruction, "", "");
        String out = rewrite(page);
        assertEquals(page.replace(instruction, ""), out);
        assertNull(xmlError(out), out);
    }

    @Test
    void aTrackersStylesheetInstructionGoes() {
        // Before (found by a review): the prolog's processing instructions passed unread, and Chromium loaded the
        // style sheet from Meta's host
        assertRemoved("<?xml-stylesheet type=\"text/css\" href=\"https://connect.facebook.net/x/style.css\"?>");
        // without a type (Chromium loads it as a style sheet), quoted with apostrophes, a character reference in it
        assertRemoved("<?xml-stylesheet href='https://connect.f&#97;cebook.net/x/style.css'?>");
        // after a DOCTYPE, and an XSLT one, whatever it would make of the page
        assertRemoved("<!DOCTYPE html>", "<?xml-stylesheet type=\"text/xsl\" href=\"https://www.facebook.com/tr?x\"?>");
    }

    @Test
    void theSitesOwnStylesheetInstructionsStay() {
        for (String instruction : List.of("<?xml-stylesheet type=\"text/css\" href=\"/style.css\"?>",
                "<?xml-stylesheet type=\"text/xsl\" href=\"page.xsl\"?>",
                "<?xml-stylesheet href=\"https://fonts.googleapis.com/css2?family=Roboto\"?>",
                "<?other-instruction href=\"https://connect.facebook.net/x/style.css\"?>")) {
            String page = xhtml(instruction, "", "");
            assertEquals(page, rewrite(page), instruction);
        }
    }

    @Test
    void theAddressesOfAnInstructionAreItsHrefPseudoAttributes() {
        assertEquals(List.of("a.css"), XmlPrologCuts.stylesheetAddresses("<?xml-stylesheet href=\"a.css\"?>"));
        assertEquals(List.of("a.css", "b.css"), XmlPrologCuts.stylesheetAddresses(
                "<?xml-stylesheet title=\"x href='a.css'\" href = \"b.css\"?>"));
        assertEquals(List.of(), XmlPrologCuts.stylesheetAddresses("<?xml-stylesheets href=\"a.css\"?>"));
        assertEquals(List.of(), XmlPrologCuts.stylesheetAddresses("<?xml-stylesheet xhref=\"a.css\"?>"));
        assertEquals(List.of(), XmlPrologCuts.stylesheetAddresses(DECLARATION));
    }
}
