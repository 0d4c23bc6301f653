package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISO-8859-10, ISO-8859-14 and x-user-defined, which the JDK has no decoder of, are decoded as the WHATWG Encoding
 * Standard says; a meta naming x-user-defined means windows-1252, as HTML's prescan (and Chromium) reads it.
 */
class EncodingsTheJdkLacksAreDecodedAsTheStandardSaysTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String decoded(String label, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new String(b, EncodingLabels.charset(label));
    }

    @Test
    void eachIsDecodedByTheStandardsIndex() {
        // Before (found by a review): each was decoded as UTF-8, where these bytes are no characters (U+FFFD)
        assertEquals("a\u0080\u00a0\u0104\u2015\u0138", decoded("latin6", 'a', 0x80, 0xA0, 0xA1, 0xBD, 0xFF));
        assertEquals("\u1e02\u0174\u1e6b\u00ff", decoded("iso-8859-14", 0xA1, 0xD0, 0xF7, 0xFF));
        assertEquals("a\uf780\uf7aa\uf7ff", decoded("x-user-defined", 'a', 0x80, 0xAA, 0xFF));
    }

    @Test
    void aMetaNamingXUserDefinedIsWindows1252() {
        // Before (found by a review): the img passed under essential-only consent: the page was read as UTF-8,
        // where 0xAA is no character; Chromium 150 (headless, page served from a local server) read it as
        // windows-1252 (document.characterSet), where 0xAA is 'ª', and requested www.facebook.com/tr.
        byte[] page = "<meta charset=\"x-user-defined\"><img src=\"https://www.f\u00aacebook.com/tr?id=1\">"
                .getBytes(StandardCharsets.ISO_8859_1);
        String out = new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE, page,
                RewriteListener.NONE, Optional.empty(), null), StandardCharsets.ISO_8859_1);
        assertFalse(out.contains("<img"), out);
    }

    @Test
    void aContentTypeNamingXUserDefinedReadsBytesPastAsciiAsPrivateUse() {
        // Before (found by a review): the img was removed: its bytes were read as UTF-8, the fullwidth 'ａ' of a
        // tracker's host, where Chromium 150, which reads the page as x-user-defined (document.characterSet),
        // sees private use characters and requests nothing from the tracker
        byte[] page = "<img src=\"https://www.f\u00ef\u00bd\u0081cebook.com/tr?id=2\">"
                .getBytes(StandardCharsets.ISO_8859_1);
        String out = new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, PageSite.NONE, page,
                RewriteListener.NONE, Optional.of("x-user-defined"), null), StandardCharsets.ISO_8859_1);
        assertTrue(out.contains("<img"), out);
    }
}
