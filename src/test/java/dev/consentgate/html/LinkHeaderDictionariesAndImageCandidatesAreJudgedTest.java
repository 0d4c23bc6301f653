package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * What a browser fetches for a Link header besides a hint's URL: a compression dictionary, and a candidate of a
 * preload's {@code imagesrcset}. Chromium 150 fetched both from www.googletagmanager.com (by hand, and
 * UrlReadingsReachNoTrackerE2ETest).
 */
class LinkHeaderDictionariesAndImageCandidatesAreJudgedTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final PageSite SITE = PageSite.ofHost("shop.test");

    private static String keep(String value) {
        return LinkHeaders.keepAllowed(value, POLICY, TestRules.ESSENTIAL_ONLY, SITE);
    }

    /**
     * Before (found by a review): a link of rel {@code compression-dictionary} was no hint, and passed whatever its
     * host.
     */
    @Test
    void aDictionaryOnATrackersHostGoes() {
        assertNull(keep("<https://www.googletagmanager.com/d.dict>; rel=\"compression-dictionary\""));
        assertNull(keep("<https://www.facebook.com/tr?id=1>; rel=COMPRESSION-DICTIONARY"));
        assertEquals("</d/app.dict>; rel=compression-dictionary",
                keep("</d/app.dict>; rel=compression-dictionary, <https://www.googletagmanager.com/d>;"
                        + " rel=compression-dictionary"));
    }

    /**
     * Before (found by a review): only the link's own URL was judged; the candidate of its {@code imagesrcset} that a
     * preload of an image fetches instead passed.
     */
    @Test
    void aPreloadsImageCandidateOnATrackersHostTakesItsLink() {
        assertNull(keep("</own.png>; rel=preload; as=image; imagesrcset=\"https://www.facebook.com/tr?id=1 1x,"
                + " /own@2x.png 2x\""));
        assertNull(keep("</own.png>; rel=preload; as=image; ImageSrcSet=\"/own@1x.png 1x,"
                + " https://www.googletagmanager.com/p.png 2x\""));
        assertNull(keep("</own.png>; rel=preload; as=image; imagesrcset=https://www.facebook.com/tr?id=1"));
        String own = "</own.png>; rel=preload; as=image; imagesrcset=\"/own.png 1x, /own@2x.png 2x\";"
                + " imagesizes=\"50vw\"";
        assertEquals(own, keep(own));
    }
}
