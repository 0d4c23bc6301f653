package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Shift_JIS writes some characters a browser maps to ASCII in a host with an ASCII second byte: 'Ａ' is 0x82 0x60
 * ("`"), '－' 0x81 0x7C ("|"). An inline script's URL is found byte by byte (ScriptUrlMentions), where such a byte
 * ended the host before the rest of it was read.
 */
class ShiftJisHostsWhoseSecondByteIsAsciiAreReadWholeTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    /** Shift_JIS as browsers (and the gateway's reading) have it. */
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final String TEXT = "<p>\u3053\u308c\u306f\u65e5\u672c\u8a9e\u306e\u30da\u30fc\u30b8\u3067\u3059"
            + "\u3002</p>";
    /** www.google－analytics.com and www.google-Ａnalytics.com, both www.google-analytics.com to a browser. */
    private static final List<String> HOSTS = List.of("www.google\uff0danalytics.com",
            "www.google-\uff21nalytics.com");

    private static byte[] rewrite(byte[] page) {
        return HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, page, RewriteListener.NONE);
    }

    private static String loader(String host) {
        return "<script>var s = document.createElement('script'); s.src = 'https://" + host + "/analytics.js';"
                + " document.head.appendChild(s);</script>";
    }

    @Test
    void aScriptLoadingFromSuchAHostIsNeutralizedOnAPageThatDeclaresNoEncoding() {
        // Before (found by a review): both scripts passed as they were on a page Chromium's detector reads as
        // Shift_JIS, while the pixel beside them with the same host was removed (an attribute is read whole)
        for (String host : HOSTS) {
            byte[] page = (TEXT + loader(host)).getBytes(SHIFT_JIS);
            String out = new String(rewrite(page), SHIFT_JIS);
            assertTrue(out.contains("<script type=\"text/plain\""), host + ": " + out);
        }
    }

    @Test
    void aScriptLoadingFromSuchAHostIsNeutralizedOnAPageDeclaredShiftJis() {
        // Before (found by a review): both passed on a page that declares Shift_JIS too, read in it alone
        for (String host : HOSTS) {
            byte[] page = ("<meta charset=\"shift_jis\">" + TEXT + loader(host)).getBytes(SHIFT_JIS);
            String out = new String(rewrite(page), SHIFT_JIS);
            assertTrue(out.contains("<script type=\"text/plain\""), host + ": " + out);
        }
    }

    @Test
    void theHostIsReadWholeWhereverTheChunksEnd() {
        byte[] page = (TEXT + loader(HOSTS.get(1))).getBytes(SHIFT_JIS);
        byte[] whole = rewrite(page);
        for (int size = 1; size <= 7; size++) {
            assertArrayEquals(whole, Chunks.rewrite(POLICY, TestRules.ESSENTIAL_ONLY, page, List.of(size)),
                    "chunks of " + size);
        }
    }

    @Test
    void anEscapedSlashEndsTheHostAfterABytePastAsciiAsBefore() {
        // UTF-8: the soft hyphen is nothing in a host, so this is www.facebook.com, its path escaped
        byte[] page = "<meta charset=\"utf-8\"><script>new Image().src = \"https://www.facebook.com\u00ad\\/tr?id=1\";</script>"
                .getBytes(StandardCharsets.UTF_8);
        String out = new String(rewrite(page), StandardCharsets.UTF_8);
        assertTrue(out.contains("<script type=\"text/plain\""), out);
    }
}
