package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An {@code <?xml-stylesheet href="..."?>} processing instruction after the root element of a page parsed as XML is
 * the document's too, and Chromium 150 loads its address as it loads one of the prolog's (a page served as
 * application/xhtml+xml, by hand: the server logged the request of each instruction after {@code </html>}): one on a
 * tracker's host goes there as well, however the body is cut; the site's own stays.
 */
class XmlStylesheetInstructionsAfterTheRootAreJudgedTest {

    private static final String TRACKERS =
            "<?xml-stylesheet type=\"text/css\" href=\"https://connect.facebook.net/x/style.css\"?>";

    @Test
    void aTrackersInstructionAfterTheRootGoes() {
        for (String after : List.of(TRACKERS, "\n" + TRACKERS + "\n", "<!-- c -->" + TRACKERS,
                "<?xml-stylesheet href='https://connect.f&#97;cebook.net/x/style.css'?>",
                "<?site-instruction x?>" + TRACKERS)) {
            String page = xhtml("") + after;
            String out = rewrite(page);
            // Before (found by a review): only the prolog's instructions were read; one after </html> passed, and
            // Chromium loaded the style sheet from Meta's host
            assertEquals(page.replace(TRACKERS, "").replace(
                    "<?xml-stylesheet href='https://connect.f&#97;cebook.net/x/style.css'?>", ""), out, after);
            assertNull(xmlError(out), out);
        }
    }

    @Test
    void anInstructionWhoseAddressHoldsAGreaterThanSignGoesToo() {
        // the tokenizer ends the instruction at the '>', where the XML parser reads on to "?>": the address up to the
        // '>' names the tracker's host, and what follows it stays, as text the XML parser rejects (failing closed)
        String page = xhtml("") + "<?xml-stylesheet href=\"https://connect.facebook.net/a>b.css\"?>";
        // Before (found by a review): passed
        assertEquals(xhtml("") + "b.css\"?>", rewrite(page));
    }

    @Test
    void theSitesOwnInstructionsAfterTheRootStay() {
        for (String after : List.of("<?xml-stylesheet type=\"text/css\" href=\"/style.css\"?>",
                "<?xml-stylesheet href=\"/a>b.css\"?>", "<?other href=\"https://connect.facebook.net/x.css\"?>",
                "<!-- <?xml-stylesheet href=\"https://connect.facebook.net/x.css\"?> -->")) {
            String page = xhtml("") + after;
            assertEquals(page, rewrite(page), after);
        }
        // inside the root too (Chromium ignores an instruction there, the site's own stays alike)
        String inside = xhtml("<?xml-stylesheet href=\"/style.css\"?>");
        assertEquals(inside, rewrite(inside));
    }

    @Test
    void theVerdictDoesNotDependOnWhereTheBodyIsCut() {
        String page = xhtml("") + TRACKERS;
        String whole = rewrite(page);
        for (int size = 1; size < 40; size += 3) {
            assertEquals(whole, XmlPages.rewriteInChunks(page, size), "chunks of " + size);
        }
    }
}
