package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A host past ASCII is judged as Chromium 150's IDNA mapping (UTS #46 of a newer Unicode than the JDK's) makes it:
 * each host below was fetched from www.googletagmanager.com or www.facebook.com (by hand, each character between two
 * letters of the tracker's name, and UrlReadingsReachNoTrackerE2ETest).
 */
class HostsAreMappedAsChromiumsIdnaMapsThemTest {

    private static String host(String url) {
        return UrlParts.parse(url).host();
    }

    /**
     * Before (found by a review): of the characters UTS #46 maps to nothing, only those of its older versions were
     * taken out; the invisible operators (U+2061 to U+2063), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
     * the Khmer inherent vowels, U+180E and U+180F, the deprecated format characters (U+206A to U+206F), the
     * shorthand format controls, the musical format characters and the supplementary variation selectors stayed in
     * the host, which then matched no rule, and the tag passed.
     */
    @Test
    void charactersMappedToNothingAreTakenOut() {
        int[] ignored = {0x2061, 0x2062, 0x2063, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x17B4, 0x17B5, 0x180E, 0x180F,
            0x206A, 0x206F, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0100, 0xE01EF};
        for (int c : ignored) {
            String url = "https://www.google" + Character.toString(c) + "tagmanager.com/x.js";
            assertEquals("www.googletagmanager.com", host(url), Integer.toHexString(c));
        }
        assertEachBlocked(
                "<script src=\"https://www.google\u3164tagmanager.com/x.js\"></script>",
                "<img src=\"https://www.face\u2062book.com/tr?id=1\">",
                "<img src=\"https://www.face%E2%81%A2book.com/tr?id=1\">",
                "<img src=\"https://www.facebook.com\uDB40\uDD00/tr?id=1\">");
    }

    /**
     * Before (found by a review): the letters and digits that NFKC makes ASCII but that came after the JDK's Unicode
     * version (Unicode 16's outlined letters and digits, U+1CCD6 to U+1CCF9; the modifier letters U+A7F1 to U+A7F4
     * and U+107A5) stayed past ASCII, and the tag passed.
     */
    @Test
    void lettersOfNewerUnicodeThatNfkcMakesAsciiAreThoseLetters() {
        assertEquals("www.googletagmanager.com", host("https://www.\uD833\uDCDCoogletagmanager.com/x.js"));
        assertEquals("x09.example", host("https://x\uD833\uDCF0\uD833\uDCF9.example/"));
        assertEquals("s.c.f.q.q", host("https://\uA7F1.\uA7F2.\uA7F3.\uA7F4.\uD801\uDFA5/"));
        assertEachBlocked(
                "<script src=\"https://www.\uD833\uDCDCoogletagmanager.com/x.js\"></script>",
                "<img src=\"https://www.\uD833\uDCDBacebook.com/tr?id=1\">");
    }

    /** Hosts past ASCII that Chromium fetches as they are stay so: they match no rule. */
    @Test
    void otherHostsPastAsciiStayAsTheyAre() {
        assertEquals("b\u00fccher.example", host("https://B\u00dcCHER.example/"));
        assertEquals("\u0441\u0430\u0439\u0442.\u0440\u0444", host("https://\u0441\u0430\u0439\u0442.\u0440\u0444/"));
    }
}
