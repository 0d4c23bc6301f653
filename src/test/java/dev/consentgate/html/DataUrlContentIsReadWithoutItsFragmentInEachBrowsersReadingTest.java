package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data: URL's content is what the Fetch Standard's data: URL processor reads from the URL a browser parsed: the
 * fragment is no part of it (Chromium 150 ran a base64 script followed by one: DataUrlScriptsAreReadAsChromiumReads
 * ThemE2ETest), and the tabs and line breaks written in the attribute are gone to the URL Standard, kept by Chromium:
 * both readings are judged.
 */
class DataUrlContentIsReadWithoutItsFragmentInEachBrowsersReadingTest {

    private static final String PIXEL = "new Image().src='https://www.facebook.com/tr?id=1'";

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void theFragmentIsNoPartOfTheContent() {
        String base64 = Base64.getEncoder().encodeToString(PIXEL.getBytes(StandardCharsets.UTF_8));
        // Before (found by a review): null, "broken base64" with '#top' in it, so the script passed, where a browser
        // cuts the fragment off and runs the code
        assertEquals(PIXEL, text(DataUrls.body("data:text/javascript;base64," + base64 + "#top", 1000)));
        // Before (found by a review): "fbq(1)#top", the fragment read as code (over-blocking only)
        assertEquals("fbq(1)", text(DataUrls.body("data:text/javascript,fbq(1)#top", 100)));
        assertEquals("a", text(DataUrls.body("data:,a#b#c", 100)));
        // a comma only in the fragment: no data at all, a network error to a browser
        assertNull(DataUrls.body("data:text/javascript#,fbq(1)", 100));
        // a base64 marker only in the fragment marks nothing
        assertFalse(DataUrls.isBase64("data:text/plain#;base64,eA=="));
        assertEquals("", DataUrls.charsetLabel("data:text/javascript#;charset=utf-16le,x"));
    }

    @Test
    void withTabsOrLineBreaksTheContentIsReadWithAndWithoutThem() {
        // Before (found by a review): only as written, "fb\nq('init')" and "fac\tebook", in which neither fbq( nor
        // the host was found, where a browser following the URL Standard (Firefox, Safari) takes them out, runs
        // fbq('init') and loads www.facebook.com; Chromium 150 keeps them (by hand), so both readings count
        assertEquals(List.of("data:text/javascript,fb\nq('init')", "data:text/javascript,fbq('init')"),
                DataUrls.readings("data:text/javascript,fb\nq('init')#top"));
        assertEquals(List.of("data:,a\tb\r\nc", "data:,abc"), DataUrls.readings("data:,a\tb\r\nc"));
        assertEquals(List.of("data:,x"), DataUrls.readings("data:,x#a\nb"));
        // the keywords too: a marker split by a line break is one to the URL Standard, and the scheme to Chromium too
        assertTrue(DataUrls.isBase64("data:text/javascript;base\r\n64,eA=="));
        assertTrue(DataUrls.isDataUrl("da\nta:,x"));
        // escaped, they stay: %0A is a line feed in the code
        assertEquals("fb\nq", text(DataUrls.body("data:,fb%0Aq", 100)));
    }

    @Test
    void aScriptWhoseCodeRunsInEitherReadingIsBlocked() {
        String base64 = Base64.getEncoder().encodeToString(PIXEL.getBytes(StandardCharsets.UTF_8));
        // Before (found by a review): each passed untouched under essential-only consent
        EssentialOnly.assertEachBlocked(
                "<script src=\"data:text/javascript;base64," + base64 + "#top\"></script>",
                "<script src=\"data:text/javascript,fb&#10;q(%27init%27,%271%27)\"></script>",
                "<script src=\"data:text/javascript,new%20Image().src=%27https://www.fac\tebook.com/tr?id=1%27\">"
                        + "</script>",
                "<script src=\"da&#10;ta:text/javascript;base64," + base64 + "\"></script>");
    }
}
