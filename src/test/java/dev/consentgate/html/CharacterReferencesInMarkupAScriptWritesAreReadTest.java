package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.assertEachBlocked;
import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Markup an inline script writes ({@code document.write}, {@code insertAdjacentHTML}, {@code innerHTML}) is parsed
 * as HTML, whose character references are decoded before an attribute is a URL: Chromium 150 requested
 * https://www.facebook.com/tr for {@code document.write('<img src="https://www&#46;facebook&#46;com/tr?id=1">')} and
 * for {@code insertAdjacentHTML('beforeend', '<img src="https:&#47;&#47;www.facebook.com/tr?id=1">')} (straight from
 * an upstream, by hand with the e2e lab's stand-in trackers).
 */
class CharacterReferencesInMarkupAScriptWritesAreReadTest {

    /**
     * Before (found by a review): the URL search read "&#46;" as the end of the host (and "&#47;&#47;" as no
     * slashes), so the pixel passed.
     */
    @Test
    void aHostOrSlashesWrittenAsReferencesAreRead() {
        assertEachBlocked(
                "<script>document.write('<img src=\"https://www&#46;facebook&#46;com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www&#x2e;facebook&#x2E;com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www&#46facebook&#46com/tr?id=1\">');</script>",
                "<script>document.body.insertAdjacentHTML('beforeend','<img src=\"https:&#47;&#47;www.facebook.com"
                        + "/tr?id=1\">');</script>",
                "<script>document.body.innerHTML+='<img src=\"https:&sol;&sol;www&period;facebook&period;com/tr\">';"
                        + "</script>",
                "<script>document.write('<img src=\"https://www.&#102;acebook.com/tr?id=1\">');</script>");
    }

    /**
     * Before (found by a review): a named reference that a host's IDNA mapping reads as a letter or as nothing
     * ({@code &fopf;}, {@code &InvisibleTimes;}) was left as written, and the pixel passed, where Chromium 150 asked
     * www.facebook.com for it (by hand).
     */
    @Test
    void namesSpellingAHostsLettersAreRead() {
        assertEachBlocked(
                "<script>document.write('<img src=\"https://www.&fopf;acebook.com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www.face&InvisibleTimes;book.com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www.faceb&oscr;ok.com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www.f&ordf;cebook.com/tr?id=1\">');</script>");
        String own = "<script>document.write('<p>&copy; 2026 &mdash; &fopf;</p>');</script>";
        assertEquals(own, rewrite(own));
    }

    /**
     * Before (found by a review): a legacy name without its semicolon ({@code &shy} before a dot, {@code &ordm}
     * before a hyphen... ), which HTML decodes in an attribute unless a letter, a digit or '=' follows, was left as
     * written, and the pixel passed.
     */
    @Test
    void legacyNamesWithoutTheirSemicolonAreRead() {
        assertEachBlocked(
                "<script>document.write('<img src=\"https://www.facebook&shy.com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www.&shy&shy.facebook.com/tr?id=1\">');</script>",
                "<script>document.write('<img src=\"https://www.facebook.com&shy/tr?id=1\">');</script>");
        // followed by a letter, the name is not a reference (and "&shyb" no host), as in a browser
        String own = "<script>document.write('<img src=\"https://example.com/a?x=1&shyb=2&ordm=3\">');</script>";
        assertEquals(own, rewrite(own));
    }

    /** Before (found by a review): the same, its references cut by chunk boundaries, passed too. */
    @Test
    void referencesAreReadAlikeInAnyChunks() {
        String page = "<script>document.write('<img src=\"https:&sol;&#x2F;www&#46facebook&period;com/tr\">');"
                + "</script>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        String whole = rewrite(page);
        assertEquals(false, whole.equals(page), "the whole page's pixel is blocked");
        for (int size = 1; size <= 11; size++) {
            assertEquals(whole, new String(Chunks.rewrite(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY, bytes,
                    List.of(size)), StandardCharsets.UTF_8), "chunks of " + size);
        }
    }

    /** Ampersands of code and of a query leave the site's own code as it was. */
    @Test
    void otherAmpersandsChangeNothing() {
        String page = "<script>if(a&&b){x='/p?a=1&b=2&amp;c=3&#38;d'}var y=a&b;</script>";
        assertEquals(page, rewrite(page));
    }
}
