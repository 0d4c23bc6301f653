package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A page that is not UTF-8 is rewritten on its bytes, but a browser reads its URLs in the page's encoding before the
 * URL parser maps a host to ASCII (UTS #46): windows-1252's 'ª' (0xAA) is an 'a' and 'º' (0xBA) an 'o', Shift_JIS's
 * fullwidth letters are ASCII letters. The values judged, in attributes and in inline scripts, are decoded as the
 * page is, so such a host is the tracker's to the rewriter too.
 */
class HostsAreReadInThePagesEncodingTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String rewrite(String html, Charset encoding, Optional<String> contentTypeCharset) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE,
                html.getBytes(encoding), RewriteListener.NONE, contentTypeCharset, null), encoding);
    }

    /** The pixel removed, the frame a placeholder, the script neutralized. */
    private static void assertNothingLoads(String out) {
        assertFalse(out.contains("<img") || out.contains("<iframe") || !out.contains("<script type=\"text/plain\""),
                out);
    }

    private static final String TRACKERS = "<img src=\"https://www.f%1$scebook.com/tr?id=1\">"
            + "<iframe src=\"https://www.y%2$sutube.com/embed/x\"></iframe>"
            + "<script>new Image().src = \"https://www.f%1$scebook.com/tr?id=2\";</script>";

    @Test
    void aWindows1252HostIsReadAsABrowserReadsIt() {
        // Before (found by a review): each element passed untouched under essential-only consent: the value was
        // decoded as UTF-8, where byte 0xAA is no character and the host matched no rule. Chromium 150 (headless,
        // page served from a local server) requested www.facebook.com/tr for the img and the script and
        // www.youtube.com/embed for the frame, with the meta, with the Content-Type's charset, and with neither.
        String trackers = String.format(TRACKERS, "\u00aa", "\u00ba");
        for (String page : List.of("<meta charset=\"windows-1252\">" + trackers, "<p>" + trackers)) {
            String out = rewrite(page, Charset.forName("windows-1252"), Optional.empty());
            assertNothingLoads(out);
        }
        String out = rewrite(trackers, Charset.forName("windows-1252"), Optional.of("iso-8859-1"));
        assertNothingLoads(out);
    }

    @Test
    void aShiftJisHostInFullwidthLettersIsReadAsABrowserReadsIt() {
        // Before (found by a review): passed untouched (the two bytes of each fullwidth letter are no UTF-8);
        // Chromium 150 requested www.facebook.com/tr and www.youtube.com/embed.
        String page = "<meta charset=\"shift_jis\">" + String.format(TRACKERS, "\uff41", "\uff4f");
        String out = rewrite(page, Charset.forName("windows-31j"), Optional.empty());
        assertNothingLoads(out);
    }

    @Test
    void anUndeclaredPagesValuesAreUtf8WhereTheyAreAndWindows1252Elsewhere() {
        byte[] mixed = {'f', (byte) 0xAA, 'c', (byte) 0xE3, (byte) 0x80, (byte) 0x82, (byte) 0xC3, (byte) 0xA9,
            (byte) 0x81, (byte) 0xE3, (byte) 0x80};
        assertEquals("f\u00aac\u3002\u00e9\u0081\u00e3\u20ac", new String(mixed, Utf8OrWindows1252.INSTANCE));
    }

    @Test
    void aPagesOwnNonAsciiAddressesPassAsTheyAre() {
        String page = "<meta charset=\"windows-1252\"><img src=\"/caf\u00e9.png\" alt=\"caf\u00e9\">"
                + "<script>var t = \"https://www.exampl\u00e9.com/men\u00fa.js\";</script>";
        assertEquals(page, rewrite(page, Charset.forName("windows-1252"), Optional.empty()));
    }
}
