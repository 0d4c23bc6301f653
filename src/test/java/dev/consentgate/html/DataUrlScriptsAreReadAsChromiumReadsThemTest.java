package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data: script's code is read by Chromium in the URL's own charset; without one, in the script element's charset
 * attribute (windows-1252 when it names no encoding), else in the page's encoding; a URL without a media type
 * ({@code data:,}) is text/plain;charset=US-ASCII, windows-1252, whatever the attribute says; a module script is UTF-8
 * whatever is said. Each reading is judged.
 */
class DataUrlScriptsAreReadAsChromiumReadsThemTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    /** Code making an image on www.facebook.com, its 'a' written as windows-1252's 'ª' (0xAA). */
    private static final String CODE_1252 = "new%20Image().src%3D%27https://www.f%AAcebook.com/tr?id=1%27";

    private static String rewrite(String html, Charset encoding) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, html.getBytes(encoding),
                RewriteListener.NONE), encoding);
    }

    @Test
    void aDataScriptWithoutACharsetIsReadAsChromiumReadsIt() {
        // Before (found by a review): each passed untouched under essential-only consent, its code read in the
        // page's encoding (UTF-8, where 0xAA is no character); Chromium 150 (headless, page served from a local
        // server, DataUrlScriptsAreReadAsChromiumReadsThemE2ETest) read it in windows-1252, by the element's charset,
        // by a charset naming no encoding, by the data: URL's missing type, and as Shift_JIS by the element's
        // charset, and requested www.facebook.com/tr.
        for (String script : List.of(
                "<script charset=\"windows-1252\" src=\"data:text/javascript," + CODE_1252 + "\"></script>",
                "<script charset=\"bogus\" src=\"data:text/javascript," + CODE_1252 + "\"></script>",
                "<script src=\"data:," + CODE_1252 + "\"></script>",
                "<script charset=\"windows-1252\" src=\"data:text/javascript;charset=bogus," + CODE_1252
                        + "\"></script>",
                "<script charset=\"shift_jis\" src=\"data:text/javascript,new%20Image().src%3D%27https://www.f%82%81"
                        + "cebook.com/tr?id=2%27\"></script>")) {
            String out = rewrite("<meta charset=\"utf-8\">" + script, StandardCharsets.UTF_8);
            assertFalse(out.contains("<script src") || out.contains("<script charset"), out);
        }
    }

    @Test
    void aModuleDataScriptIsReadAsUtf8() {
        // Before (found by a review): passed: its code was read in the page's encoding (Shift_JIS), where the UTF-8
        // bytes of 'ａ' are no ASCII; a module script is UTF-8 whatever the page's encoding
        String html = "<meta charset=\"shift_jis\"><script type=\"module\" src=\"data:text/javascript,new%20Image()"
                + ".src%3D%27https://www.f%EF%BD%81cebook.com/tr?id=3%27\"></script>";
        String out = rewrite(html, Charset.forName("Shift_JIS"));
        assertFalse(out.contains(" src=\"data"), out);
    }

    @Test
    void aDataScriptInAnEncodingNotReadAsBytesIsConverted() {
        // Before (found by a review): both passed: the gateway read the code's bytes, where UTF-16's zero bytes
        // and ISO-2022-JP's escapes hide the tracker's host from a reader of ASCII
        StringBuilder utf16 = new StringBuilder();
        for (byte b : "new Image().src='https://www.facebook.com/tr?id=4'".getBytes(StandardCharsets.UTF_16LE)) {
            utf16.append('%').append(String.format("%02X", b & 0xff));
        }
        String jis = "new%20Image().src%3D%27https://www.f%1B$B%23a%1B(Bcebook.com/tr?id=5%27";
        for (String html : List.of(
                "<script src=\"data:text/javascript;charset=utf-16le," + utf16 + "\"></script>",
                "<script src=\"data:text/javascript;charset=iso-2022-jp," + jis + "\"></script>")) {
            String out = rewrite("<meta charset=\"utf-8\">" + html, StandardCharsets.UTF_8);
            assertFalse(out.contains("<script src"), out);
        }
    }

    @Test
    void aDataScriptsOwnCharsetDecides() {
        // read in UTF-8, its own charset, 0xAA is no character: Chromium requested nothing
        String html = "<meta charset=\"utf-8\"><script charset=\"windows-1252\" src=\"data:text/javascript;"
                + "charset=utf-8," + CODE_1252 + "\"></script>";
        assertTrue(rewrite(html, StandardCharsets.UTF_8).contains("<script charset=\"windows-1252\" src"));
    }
}
