package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The text of a frame's document (a srcdoc, a data: URL) is searched for every "//" a URL may start with. Each is
 * read once, as far as a rule may need: its host, and its path only where a rule names that host; the rules with a
 * path and no host once, over all that follows the first "//". Until 2026-11-30 each "//" read all that followed it,
 * and a fuzzed page of 1.7 KB with runs of slashes in a data: URL's document took 180 ms to rewrite (a document of
 * 16 KB of slashes, 1.4 s). These cases hold what the single reading must still find.
 */
class UrlsInAFramesDocumentAreReadOnceEachTest {

    private static String rewrite(String html) {
        return new String(HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE), StandardCharsets.UTF_8);
    }

    private static String frame(String documentText) {
        return "<iframe srcdoc=\"<p>" + documentText + "</p>\"></iframe>";
    }

    @Test
    void aTrackerAfterARunOfSlashesOrInsideAnotherUrlIsFound() {
        for (String text : new String[] {"////////www.facebook.com/tr?id=1", "//a.example?u=//www.facebook.com/tr",
                "//a.example/x//b.example/y//www.facebook.com/tr",
                "//" + "u".repeat(3000) + "@www.facebook.com/tr"}) {
            String page = frame(text);
            assertNotEquals(page, rewrite(page), text.length() > 80 ? text.substring(0, 80) : text);
        }
    }

    @Test
    void aHostNamedAgainIsJudgedAgainAtItsOtherPath() {
        // reCAPTCHA (essential) first, Google's conversion script (advertising) on the same host after it
        String page = frame("//www.google.com/recaptcha/api.js and //www.google.com/pagead/conversion.js");
        assertNotEquals(page, rewrite(page));
    }

    @Test
    void aSelfHostedTrackersPathFarAlongIsFound() {
        // past any bound a single URL's reading would have: the rules with a path and no host read all that follows
        String page = frame("//cdn.example.com/" + "x/".repeat(5000) + "matomo.php?idsite=1");
        assertNotEquals(page, rewrite(page));
    }

    @Test
    void aDocumentOfOtherUrlsPasses() {
        String page = frame("//cdn.example.com/a.js ".repeat(200) + "////////" + "//static.example.org/b.css");
        assertEquals(page, rewrite(page));
    }
}
