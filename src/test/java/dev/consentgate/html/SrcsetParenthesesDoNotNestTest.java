package dev.consentgate.html;

import static dev.consentgate.html.EssentialOnly.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A srcset's descriptors run to the next comma outside parentheses, and parentheses do not nest there (HTML's
 * "parse a srcset attribute", Chromium's HTMLSrcsetParser): the first ')' closes every '(' before it, so the
 * comma after "((" and ")" ends the candidate and a browser reads the URL after it.
 */
class SrcsetParenthesesDoNotNestTest {

    @Test
    void aCommaAfterTheFirstClosingParenthesisEndsTheCandidate() {
        // Before (found by a review): the descriptors' parentheses were counted as nesting, so "((" needed two ')':
        // the rest of the value, the tracker's candidate with it, was read as descriptors and never judged.
        assertEquals(List.of("/a.png", "https://www.facebook.com/tr?id=1"),
                AttributeSyntax.srcsetUrls("/a.png 1x ((), https://www.facebook.com/tr?id=1 2x"));
        assertEquals(List.of("/a.png", "b.png"), AttributeSyntax.srcsetUrls("/a.png ((x), b.png (, c.png"));
    }

    @Test
    void theTrackersCandidateAfterSuchDescriptorsIsBlocked() {
        // Before (found by a review): each passed untouched under essential-only consent; Chromium 150 (headless,
        // page served from a local server) dropped the first candidate for its invalid descriptor and requested
        // www.facebook.com/tr for the img, the picture's source and the preload.
        for (String html : List.of(
                "<img srcset=\"/a.png 1x ((), https://www.facebook.com/tr?id=S1 2x\">",
                "<picture><source srcset=\"/b.png 1x ((), https://www.facebook.com/tr?id=S2 1x\"><img src=\"/c.png\">"
                        + "</picture>",
                "<link rel=\"preload\" as=\"image\" href=\"/d.png\" imagesrcset=\"/d.png 1x ((), https://www.facebook"
                        + ".com/tr?id=S3 1x\">")) {
            assertEquals(false, rewrite(html).contains("facebook"), html);
        }
    }

    @Test
    void aPagesOwnSrcsetWithParenthesesStaysAsItIs() {
        String html = "<img src=\"/a.png\" srcset=\"/a.png 1x (x, y), /b.png 2x\">";
        assertEquals(html, rewrite(html));
    }
}
