package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frame whose address is a javascript: URL runs its code in the frame, with the page's origin (Chromium 150:
 * CodeOutsideScriptElementsIsReadCompactedE2ETest): the code, as HTML decodes it, is judged as a script's, its
 * signatures as written and compacted.
 */
class FrameJavascriptUrlsAreJudgedAsCodeTest {

    private static List<String> rules(String html) {
        return EssentialOnly.events(html).stream().map(RewriteEvent::ruleId).toList();
    }

    @Test
    void aFramesJavascriptUrlWithATrackersCallIsBlocked() {
        // Before (found by a review): each passed untouched under essential-only consent: a javascript: URL was read
        // only for the URLs written in it, never as code
        for (String src : List.of(
                "javascript:parent.fbq(&#39;track&#39;, &#39;Purchase&#39;)",
                "javascript:parent.fbq (&#39;track&#39;, &#39;Purchase&#39;)",
                "javascript:parent.fbq/**/(&#39;track&#39;)",
                "javascript:parent.fbq%28%27track%27)",
                "JavaScript:parent.fb&#10;q(&#39;track&#39;)",
                " java&#9;script:parent.fbq(1)")) {
            assertEquals(List.of("meta-pixel-inline"), rules("<iframe src=\"" + src + "\"></iframe>"), src);
        }
        // a lazy loader's copy too, and the loader named in the code
        assertEquals(List.of("meta-pixel-loader-inline"), rules("<iframe data-src=\"javascript:var s=document"
                + ".createElement('script');s.src='https://connect.'+'facebook.net/en_US/fbevents.js';"
                + "document.head.appendChild(s)\"></iframe>"));
    }

    @Test
    void aFramesEmptyJavascriptUrlPasses() {
        String html = "<iframe src=\"javascript:false\"></iframe><iframe src=\"javascript:''\"></iframe>"
                + "<iframe src=\"javascript:void(0)\"></iframe><iframe src=\"javascript:\"></iframe>";
        assertEquals(html, EssentialOnly.rewrite(html));
    }

    @Test
    void theCodeIsWhatHtmlRunsForTheUrl() {
        assertTrue(JavascriptUrls.isJavascriptUrl("\n JAVA\tSCRIPT:x"));
        assertFalse(JavascriptUrls.isJavascriptUrl("/javascript:x"));
        assertFalse(JavascriptUrls.isJavascriptUrl("javascrip"));
        assertNull(JavascriptUrls.code("https://a.example/", 100));
        // percent-decoded in UTF-8, tabs and line breaks taken out, the fragment part of the code
        assertArrayEquals("a('x y')#b é".getBytes(StandardCharsets.UTF_8),
                JavascriptUrls.code("javascript:a(%27x%20y')\n#b %C3%A9", 100));
        assertEquals(3, JavascriptUrls.code("javascript:abcdef", 3).length);
    }
}
