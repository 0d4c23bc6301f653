package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * What a review of the day's rewriter changes found: a vendor call after a legacy octal escape in a string a script
 * runs, a query right after a URL's port, and a backslash (a slash to a browser) right after a host. Each passed
 * before; "Before" in each comment says what happened then.
 */
class EscapesAndPortsInScriptsTest {

    /**
     * Input: code run from a string whose vendor call follows a legacy octal escape (sloppy-mode JS, ECMA-262 Annex
     * B.1.2 LegacyOctalEscapeSequence: {@code "\12"} is a line feed, {@code "\012"} too, {@code "\73"} is ';'):
     * {@code setTimeout("\12_paq=[['trackPageView']];...new Image().src=u+'matomo.php?...'")}, and the same with
     * {@code "\012fbq('track','PageView')"} and {@code eval("x=1\73_paq.push(...)")}.
     * What happens: SignatureMatcher.startsAName sees an identifier byte ('2', '3') before the signature and accepts
     * only one-character escapes, \xHH, \\uHHHH and %HH as ending an escape; a two- or three-digit octal escape is
     * not one, so _paq / fbq( "do not start a name" and the script passes untouched (before 3f6853b the signature was
     * found anywhere and the script was neutralized). Chromium ran the string and requested
     * https://stats.matomo-selfhosted.test/matomo.php?idsite=1&rec=1 (a self-hosted Matomo, which only the _paq
     * signature knows). Should: a byte that ends any escape, octal ones included, counts as no name's, as the
     * one-digit "\7" already does (fail closed: when in doubt, a signature is found).
     */
    @Test
    void aSignatureAfterAnOctalEscapeIsFound() {
        // control: the same code after "\n" is caught
        assertNotEquals("<script>setTimeout(\"\\nfbq('track','PageView')\")</script>",
                rewrite("<script>setTimeout(\"\\nfbq('track','PageView')\")</script>"));
        assertEachBlocked(
                "<script>setTimeout(\"\\12_paq=[['trackPageView']];var u='https://stats.matomo-selfhosted.test/';"
                        + "new Image().src=u+'matomo.php?idsite=1&rec=1'\")</script>",
                "<script>setTimeout(\"\\12fbq('track','PageView')\")</script>",
                "<script>setTimeout(\"\\012fbq('track','PageView')\")</script>",
                "<script>eval(\"x=1\\73_paq.push(['trackPageView'])\")</script>");
    }

    /**
     * Input: a tracker URL with a port and then a query or fragment right after it, no path:
     * {@code fetch("https://www.google-analytics.com:443?v=2&tid=G-1")},
     * {@code frame.src = "https://www.youtube.com:443?v=1"}.
     * What happens: 3f6853b taught ScriptUrlMentions that '?' or '#' right after the host starts the query (the
     * browser loads the root path), but only in the HOST state; after a port, the PORT state hands '?' and '#' to
     * authorityEnd, which gives the URL up (IDLE). Nothing is reported and the script passes, while the same URL
     * without ":443" is blocked. Chromium requested https://www.google-analytics.com/?v=2&tid=G-PROBE.
     * Should: in the port too, '?' and '#' end the authority and start the query or fragment of the root path
     * (WHATWG URL Standard, port state: '/', '?', '#' and, for special schemes, '\' end the port).
     */
    @Test
    void aQueryRightAfterAPortIsJudged() {
        // control: without the port both are blocked (the 3f6853b fix)
        assertEachBlocked(
                "<script>fetch(\"https://www.google-analytics.com?v=2&tid=G-1\");</script>",
                "<script>var f=document.createElement('iframe');f.src=\"https://www.youtube.com?v=1\";</script>");
        assertEachBlocked(
                "<script>fetch(\"https://www.google-analytics.com:443?v=2&tid=G-1\");</script>",
                "<script>fetch(\"https://www.google-analytics.com:443#x\");</script>",
                "<script>var f=document.createElement('iframe');f.src=\"https://www.youtube.com:443?v=1\";</script>");
    }

    /**
     * Input: a tracker URL whose path starts with a backslash (an escaped one in the JS string):
     * {@code new Image().src = "https://www.facebook.com\\tr?id=1&ev=PageView"}, the same with
     * {@code www.google-analytics.com\\collect} and {@code frame.src = "https://www.youtube.com\\embed\\x"}.
     * What happens: after the host, ScriptUrlMentions takes '\' only as the start of an escaped slash ("\/"); the
     * next byte, '\', is no slash, so the URL is given up and nothing is reported: the pixel passes. Chromium
     * requested https://www.facebook.com/tr?id=1&ev=PageView. Should: in a special URL (http, https) a backslash is a
     * path separator like '/' (WHATWG URL Standard, "special authority ignore slashes", host and path states:
     * "url is special and c is U+005C (\)" is treated as '/'), so the host ends there and the path follows; the same
     * set of bytes that 3f6853b extended with '?' and '#' should include '\' (and "\\" in a JS string).
     */
    @Test
    void aBackslashAfterTheHostStartsThePath() {
        assertEachBlocked(
                "<script>new Image().src=\"https://www.facebook.com\\\\tr?id=1&ev=PageView\";</script>",
                "<script>new Image().src=\"https://www.google-analytics.com\\\\collect?v=1&tid=UA-1\";</script>",
                "<script>var f=document.createElement('iframe');f.src=\"https://www.youtube.com\\\\embed\\\\x\";"
                        + "</script>");
    }

}
