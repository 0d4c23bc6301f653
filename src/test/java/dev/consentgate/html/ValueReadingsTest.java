package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueReadingsTest {

    /** Every ASCII byte, twice, the second time after a space, so that no decoder sees any of them first only. */
    private static byte[] everyAsciiByte() {
        byte[] all = new byte[256];
        for (int b = 0; b < 128; b++) {
            all[b] = (byte) b;
            all[128 + b] = (byte) (b == 0 ? ' ' : b);
        }
        return all;
    }

    /** The encodings the rewriter reads a page's bytes in: every label's but UTF-16's and ISO-2022-JP's (converted). */
    private static List<Charset> bytesReadings() {
        List<Charset> readings = new ArrayList<>(ValueReadings.of(Utf8OrWindows1252.INSTANCE));
        for (String label : new String[] {"utf-8", "ibm866", "iso-8859-2", "iso-8859-8-i", "iso-8859-10", "koi8-u",
            "macintosh", "windows-874", "windows-1252", "x-mac-cyrillic", "gbk", "gb18030", "big5", "euc-jp",
            "shift_jis", "euc-kr", "x-user-defined"}) {
            readings.add(EncodingLabels.charset(label));
        }
        return readings;
    }

    @Test
    void plainAsciiReadsAsItselfInEveryEncodingAPagesBytesAreReadIn() {
        byte[] ascii = everyAsciiByte();
        String itself = new String(ascii, StandardCharsets.ISO_8859_1);
        for (Charset reading : bytesReadings()) {
            // what the shortcut stands for: the decoder itself reads ASCII so (the yen sign of some Shift_JIS
            // decoders would show here)
            assertEquals(itself, new String(ascii, reading), reading.name());
            assertEquals(itself, ValueReadings.read(ascii, 0, ascii.length, reading), reading.name());
        }
    }

    @Test
    void aValuePastAsciiIsDecodedInItsReading() {
        byte[] value = "https://example.org/caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertEquals("https://example.org/caf\u00e9", ValueReadings.read(value, 0, value.length,
                Utf8OrWindows1252.INSTANCE));
        assertEquals("https://example.org/caf\u00c3\u00a9", ValueReadings.read(value, 0, value.length,
                EncodingLabels.charset("windows-1252")));
        // only the range asked for
        assertEquals("example", ValueReadings.read(value, 8, 15, Utf8OrWindows1252.INSTANCE));
    }

    @Test
    void isAsciiLooksAtTheRangeOnly() {
        byte[] value = {'a', (byte) 0xE9, 'b'};
        assertTrue(ValueReadings.isAscii(value, 0, 1));
        assertFalse(ValueReadings.isAscii(value, 0, 2));
        assertTrue(ValueReadings.isAscii(value, 2, 3));
    }

    private static boolean pastAsciiOnlyInPath(String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return ValueReadings.pastAsciiOnlyInPath(bytes, 0, bytes.length);
    }

    @Test
    void aUrlWhoseBytesPastAsciiAreAllInItsPathReadsAlikeInEveryReading() {
        for (String url : new String[] {"https://cdn.example.org/写真.png", "/img/写真.png",
            "写真.png", "img/café.jpg", "//cdn.example.org/写真", "HTTPS://cdn.example.org?q=日",
            "https://cdn.example.org#日", "https:\\\\cdn.example.org\\日", " \thttps://cdn.example.org/日",
            "https:///cdn.example.org/a/日/b/", "?日", "#日", "javaéscript:alert(1)",
            "https://cdn.example.org/plain-ascii"}) {
            assertTrue(pastAsciiOnlyInPath(url), url);
        }
    }

    @Test
    void aUrlWithBytesPastAsciiWhereAHostIsReadIsReadInEveryReading() {
        for (String url : new String[] {
            // in its own host, its user name, or cut by a tab
            "https://www.\uff46acebook.com/tr", "//\uff46acebook.com/tr", "https://user\u00e9@cdn.example.org/x",
            "https://cdn.exa\tmple.\u00e9org/x", "https:\u00e9//x", "https://cdn.example.org\uff0fx",
            // in a host a redirect carries, which UrlJudge reads after "//", also in a relative URL or split by a tab
            "https://cdn.example.org/\u65e5?u=https://www.\uff46acebook.com/tr", "/r?u=//\uff46acebook.com",
            "https://cdn.example.org//\uff46acebook.com", "/\u65e5/\n/\uff46acebook.com",
            // what a data: or javascript: URL carries is read as a whole
            "data:text/javascript,\u65e5", "javascript:\u65e5", "blob:https://cdn.example.org/\u65e5",
            // a character reference may spell anything, "//" included
            "/\u65e5?u=&#47;&#47;\uff46acebook.com", "https://cdn&#46;example.org/\u65e5"}) {
            assertFalse(pastAsciiOnlyInPath(url), url);
        }
    }

    @Test
    void anAuthorityAndPathAreReadAlikeWhenTheAuthorityEndsBeforeTheFirstBytePastAscii() {
        byte[] inPath = "cdn.example.org/\u65e5\u672c.js".getBytes(StandardCharsets.UTF_8);
        assertTrue(ValueReadings.pastAsciiOnlyAfterAuthority(inPath, 0, inPath.length));
        byte[] ascii = "cdn.example.org".getBytes(StandardCharsets.UTF_8);
        assertTrue(ValueReadings.pastAsciiOnlyAfterAuthority(ascii, 0, ascii.length));
        for (String url : new String[] {"www.\uff46acebook.com/tr", "cdn.example.org:\uff18\uff10/x",
            "cdn.example.org/a//\uff46acebook.com/tr", "\u65e5"}) {
            byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
            assertFalse(ValueReadings.pastAsciiOnlyAfterAuthority(bytes, 0, bytes.length), url);
        }
    }
}
