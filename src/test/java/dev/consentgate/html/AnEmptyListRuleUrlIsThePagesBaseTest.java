package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An empty URL in a speculation list rule resolves to the page's base URL itself: Chromium 150, given
 * {@code <base href="https://www.youtube.com/embed/...">} and {@code "urls": [""]}, prefetched the base's URL
 * (SpeculationRulesReachNoTrackerE2ETest). It is judged as the base's URL.
 */
class AnEmptyListRuleUrlIsThePagesBaseTest {

    private static String rewrite(String html) {
        return new String(HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY,
                PageSite.ofHost("www.example.com"), html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE,
                Optional.empty(), null), StandardCharsets.UTF_8);
    }

    private static String emptyUrl(String url) {
        return "<script type=\"speculationrules\">{\"prefetch\":[{\"urls\":[\"" + url + "\"]}]}</script>";
    }

    @Test
    void anEmptyUrlUnderABaseOnATrackersHostGoes() {
        // Before (found by a review): each passed, an empty URL loading nothing the rules name; Chromium prefetched
        // the base's URL on www.youtube.com
        for (String url : List.of("", " ", "\\t")) {
            String out = rewrite("<base href=\"https://www.youtube.com/embed/x\">" + emptyUrl(url));
            assertFalse(out.contains("<script type=\"speculationrules\""), "[" + url + "] -> " + out);
        }
    }

    @Test
    void anEmptyUrlOnThePagesOwnHostPasses() {
        String html = "<base href=\"https://www.example.com/shop/\">" + emptyUrl("");
        assertEquals(html, rewrite(html));
        assertEquals(emptyUrl(""), rewrite(emptyUrl("")));
    }
}
