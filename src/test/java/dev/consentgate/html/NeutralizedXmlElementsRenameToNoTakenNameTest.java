package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.FBEVENTS;
import static dev.consentgate.html.XmlPages.GTM;
import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.HtmlSettings.NeutralizeStyle;
import org.junit.jupiter.api.Test;

/**
 * Neutralizing moves an element's src (and a script's type) to the consent tool's attribute ({@code data-src} for
 * Klaro and cookieconsent, {@code data-cg-src} for the gateway's own style): where the element already has an
 * attribute of that name, XML (unlike HTML, which keeps the first) stops at the repeated one, and Chromium shows its
 * XML error page and nothing after it instead of the page served as application/xhtml+xml.
 */
class NeutralizedXmlElementsRenameToNoTakenNameTest {

    private static String neutralized(NeutralizeStyle style, String element) {
        String out = rewrite(xhtml(element), TestRules.policy(HtmlSettings.defaults().withNeutralize(style)));
        assertNull(xmlError(out), "the page is no longer well-formed: " + out);
        assertTrue(out.contains("type=\"text/plain\""), "not neutralized: " + out);
        return out;
    }

    // Before (found by a review): Klaro's style moved src to data-src beside the script's own data-src (a lazy
    // loader's), and the XHTML page did not parse
    @Test
    void klarosDataSrcBesideTheScriptsOwn() {
        String out = neutralized(NeutralizeStyle.KLARO, "<script src=\"" + GTM + "\" data-src=\"" + FBEVENTS
                + "\"></script>");
        assertTrue(out.contains("data-src=\"" + GTM + "\""), "the address Klaro restores is the one src had: " + out);
    }

    // Before (found by a review): the same with cookieconsent's data-type beside the script's own
    @Test
    void cookieconsentsDataTypeBesideTheScriptsOwn() {
        neutralized(NeutralizeStyle.COOKIECONSENT, "<script type=\"text/javascript\" data-type=\"module\" src=\""
                + GTM + "\"></script>");
    }

    // Before (found by a review): the gateway's own style moved src to data-cg-src beside one the page had
    @Test
    void theGatewaysDataCgSrcBesideThePagesOwn() {
        String out = neutralized(NeutralizeStyle.CONSENTGATE, "<script src=\"" + GTM + "\" data-cg-src=\"/own.js\">"
                + "</script>");
        assertFalse(out.contains("/own.js"), out);
    }
}
