package dev.consentgate.html;

import static dev.consentgate.html.XmlPages.GTM;
import static dev.consentgate.html.XmlPages.rewrite;
import static dev.consentgate.html.XmlPages.xhtml;
import static dev.consentgate.html.XmlPages.xmlError;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.HtmlSettings.NeutralizeStyle;
import org.junit.jupiter.api.Test;

/**
 * A neutralized element gets the consent tool's attributes first; where the element already had one of them, XML
 * (unlike HTML, which keeps the first) stops at the repeated attribute, and Chromium shows its XML error page instead
 * of the page served as application/xhtml+xml.
 */
class NeutralizedXmlElementsRepeatNoAttributeTest {

    private static void assertNeutralizedWellFormed(NeutralizeStyle style, String script, String added) {
        String page = xhtml(script);
        String out = rewrite(page, TestRules.policy(HtmlSettings.defaults().withNeutralize(style)));
        assertNotEquals(page, out, "the script passed");
        assertTrue(out.contains(added), out);
        assertNull(xmlError(out), "the page is no longer well-formed: " + out);
    }

    // Before (found by a review): GTM's script marked for Cookiebot to ignore, as Cookiebot's guide has it, came out
    // with data-cookieconsent twice, and the XHTML page did not parse
    @Test
    void cookiebotsAttributeIsNotRepeated() {
        assertNeutralizedWellFormed(NeutralizeStyle.COOKIEBOT, "<script data-cookieconsent=\"ignore\" src=\"" + GTM
                + "\"></script>", "data-cookieconsent=\"statistics\"");
    }

    // Before (found by a review): a script with a class came out with two class attributes under OneTrust's style
    @Test
    void oneTrustsClassIsNotRepeated() {
        assertNeutralizedWellFormed(NeutralizeStyle.ONETRUST, "<script class=\"tag\" src=\"" + GTM + "\"></script>",
                "class=\"optanon-category-C0002\"");
    }

    // Before (found by a review): the same with the gateway's own attributes on a page that already had them
    @Test
    void theGatewaysOwnAttributesAreNotRepeated() {
        assertNeutralizedWellFormed(NeutralizeStyle.CONSENTGATE, "<script data-cg-category=\"x\" data-cg-rule=\"y\""
                + " src=\"" + GTM + "\"></script>", "data-cg-rule=\"google-tag-manager\"");
    }
}
