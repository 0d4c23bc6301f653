package dev.consentgate.html;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataUrlsTest {

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void percentEncodedBodyIsDecoded() {
        assertEquals("fbq('init','1') é", text(DataUrls.body("  DATA:text/javascript,fbq(%27init%27,'1')%20é", 100)));
        assertEquals("a%zz", text(DataUrls.body("data:,a%zz", 100)));
    }

    @Test
    void base64BodyIsDecodedIgnoringWhiteSpaceAndMissingPadding() {
        String encoded = Base64.getEncoder().encodeToString("gtag('js', new Date());".getBytes(StandardCharsets.UTF_8));
        assertEquals("gtag('js', new Date());", text(DataUrls.body("data:text/javascript;base64," + encoded, 1000)));
        String loose = encoded.substring(0, 7) + " \n" + encoded.substring(7).replace("=", "");
        assertEquals("gtag('js', new Date());", text(DataUrls.body("data:text/javascript;BASE64," + loose, 1000)));
        assertEquals("gtag('js', new Date());", text(DataUrls.body("data:;base64," + encoded.replace("=", "%3D"), 99)));
    }

    @Test
    void markersAreComparedInAsciiCaseOnlyAsBrowsersDo() {
        // Java would fold a long s onto s: to a browser ";ba\u017fe64" is no base64 marker, so the body is the text
        assertEquals("<img src=x>", text(DataUrls.body("data:text/html;ba\u017fe64,<img src=x>", 100)));
    }

    @Test
    void bodyStopsAtTheLimit() {
        String code = "x".repeat(5000);
        assertEquals(100, DataUrls.body("data:," + code, 100).length);
        byte[] cut = DataUrls.body("data:;base64," + Base64.getEncoder().encodeToString(code.getBytes(
                StandardCharsets.UTF_8)), 100);
        assertEquals("x".repeat(100), text(cut));
    }

    @Test
    void base64DataUrlsAreRecognised() {
        assertTrue(DataUrls.isBase64("data:image/png;base64,iVBORw0KGgo//8="));
        assertTrue(DataUrls.isBase64(" DATA:image/svg+xml;BASE64,PHN2Zz4="));
        assertFalse(DataUrls.isBase64("data:text/html,<script src=//www.facebook.com/tr></script>"));
        assertFalse(DataUrls.isBase64("data:;base64"));
        assertFalse(DataUrls.isBase64("https://a.example/data:;base64,x"));
        // the scheme read as the URL parser reads it, without its tabs and line breaks
        assertTrue(DataUrls.isBase64("\n da\tta:image/png;base64,iVBORw0KGgo="));
        assertFalse(DataUrls.isBase64("#data:image/png;base64,iVBORw0KGgo="));
    }

    @Test
    void brokenBase64AndOtherSchemesGiveNothing() {
        assertNull(DataUrls.body("data:text/javascript;base64,Zm9v!!", 100));
        assertNull(DataUrls.body("data:text/javascript;base64,Zm9vY", 100));
        assertNull(DataUrls.body("data:text/javascript", 100));
        assertNull(DataUrls.body("https://example.org/data:,x", 100));
        assertTrue(DataUrls.isDataUrl("\tdata:,"));
    }

    /**
     * isDataUrl reads only a URL's first bytes; it must say what reading the URL as a browser parses it does: tabs and
     * line breaks taken out anywhere, leading white space and controls skipped, then "data:" in any ASCII case.
     */
    @Property(tries = 3000)
    void isDataUrlSaysWhatTheParsedUrlsSchemeSays(@ForAll("schemeSoup") String url) {
        String parsed = url.replaceAll("[\t\n\r]", "");
        int i = 0;
        while (i < parsed.length() && parsed.charAt(i) <= ' ') {
            i++;
        }
        boolean expected = parsed.length() - i >= 5 && parsed.substring(i, i + 5).chars()
                .map(c -> c >= 'A' && c <= 'Z' ? c + 32 : c).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString().equals("data:");
        assertEquals(expected, DataUrls.isDataUrl(url), url.replace("\n", "\\n").replace("\t", "\\t"));
    }

    @Provide
    Arbitrary<String> schemeSoup() {
        return Arbitraries.of("d", "a", "t", "D", "A", "T", ":", ",", "\t", "\n", "\r", " ", "\f", "\u0000", "x", "/",
                "\u0130", "\u017f", "data:", "DATA:").list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Test
    void aDataUrlIsKnownByItsSchemeWhateverWhiteSpaceOrCaseItIsWrittenIn() {
        assertTrue(DataUrls.isDataUrl(" \n DaTa:,x"));
        assertTrue(DataUrls.isDataUrl("da\tta\n:text/javascript,fbq()"));
        assertFalse(DataUrls.isDataUrl("d ata:,x"));
        assertFalse(DataUrls.isDataUrl("https://example.com/data:x"));
        assertFalse(DataUrls.isDataUrl("dat"));
        assertFalse(DataUrls.isDataUrl("\u1E0Bata:,x"));
    }
}
