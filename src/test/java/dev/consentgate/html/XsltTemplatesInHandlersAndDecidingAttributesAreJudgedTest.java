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
 * In an XSLT stylesheet an attribute value template is evaluated in every attribute of a literal result element, not
 * only in an address: a handler's code ({@code onload="fb{''}q(...)"}), a meta refresh's {@code content}, a script's
 * {@code type} or a link's {@code rel} are then other than the rewriter reads them, and the element goes.
 */
class XsltTemplatesInHandlersAndDecidingAttributesAreJudgedTest {

    private static String stylesheet(String template) {
        return "<?xml version=\"1.0\"?><xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/"
                + "Transform\"><xsl:output method=\"html\"/><xsl:template match=\"/\"><html><head></head><body>"
                + "<p id=\"first\">first</p>" + template
                + "<p id=\"last\">last</p></body></html></xsl:template></xsl:stylesheet>";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Before (found by a review): the handler's call, split by a template, passed; XSLT joined it into fbq(
        "<img src=\"/logo.png\" alt=\"\" onload=\"fb{''}q('init', '1'); fb{''}q('track', 'PageView')\"/>",
        // Before (found by a review): a refresh to Meta's pixel, its host split by a template, passed
        "<meta http-equiv=\"refresh\" content=\"0; url=https://www.face{''}book.com/tr?id=1\"/>",
        // Before (found by a review): a refresh named by a template was no refresh to the rewriter
        "<meta http-equiv=\"{'refresh'}\" content=\"0; url=https://www.facebook.com/tr?id=1\"/>",
        // Before (found by a review): a script whose type read as a template's (inert) was not inspected
        "<script type=\"{substring('text/x-template', 99)}text/javascript\">fbq('track', 'PageView');</script>",
        // Before (found by a review): a preload whose rel the template made was no hint to the rewriter
        "<link rel=\"{'preload'}\" as=\"script\" href=\"https://connect.facebook.net/en_US/fbevents.js\"/>",
    })
    void anElementWhoseDecidingAttributeIsATemplateGoes(String template) {
        String out = rewrite(stylesheet(template));
        assertFalse(out.contains("{'") || out.contains("{''}") || out.contains("{substring"), out);
        assertNull(xmlError(out), "the stylesheet is no longer well-formed: " + out);
        assertTrue(out.contains("<p id=\"last\">last</p>"), "the rest of the stylesheet went: " + out);
    }

    // What must not change: templates in attributes that decide nothing, and escaped braces in a handler
    @Test
    void templatesElsewhereAndEscapedBracesPass() {
        String page = stylesheet("<img src=\"/logo.png\" alt=\"{/doc/title}\" title=\"{/doc/title}\""
                + " onload=\"if (a) {{ b(); }}\"/><meta name=\"description\" content=\"{/doc/about}\"/>");
        assertEquals(page, rewrite(page));
    }
}
