package dev.consentgate.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A URL a speculation rule names only to exclude it ({@code "not"}) is one Chromium never fetches for that rule: a
 * site's rule that prefetches its own links but the tracker's passes, as Chromium's prefetch of the site's own link
 * through the gateway shows (SpeculationRulesReachNoTrackerE2ETest). What a rule set reaches is judged as the JSON
 * it is; what it merely names does not count.
 */
class SpeculationRuleExclusionsReachNothingTest {

    private static String rewrite(String html) {
        return new String(HtmlRewriter.rewriteAll(TestRules.defaultPolicy(), TestRules.ESSENTIAL_ONLY,
                PageSite.ofHost("www.example.com"), html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE,
                Optional.empty(), null), StandardCharsets.UTF_8);
    }

    private static String rules(String json) {
        return "<p>x</p><script type=\"speculationrules\">" + json + "</script><p>y</p>";
    }

    @Test
    void aRuleExcludingATrackerPasses() {
        // Before (found by a review): each was removed whole, the tracker's URL in its text counting as loaded,
        // and Chromium prefetched none of the site's own links
        for (String json : List.of(
                "{\"prefetch\":[{\"where\":{\"and\":[{\"href_matches\":\"/shop/*\"},{\"not\":{\"href_matches\":"
                        + "\"https://www.facebook.com/*\"}}]},\"eagerness\":\"moderate\"}]}",
                "{\"prefetch\":[{\"where\":{\"and\":[{\"href_matches\":\"/shop/*\"},{\"not\":{\"href_matches\":"
                        + "[\"/shop/gtm.js\",\"https://www.googletagmanager.com/*\"]}}]}}]}")) {
            String html = rules(json);
            assertEquals(html, rewrite(html), json);
        }
    }

    @Test
    void aTrackerReachedBesideAnExclusionStillGoes() {
        for (String json : List.of(
                "{\"prefetch\":[{\"where\":{\"not\":{\"href_matches\":\"https://www.facebook.com/*\"}}}]}",
                "{\"prefetch\":[{\"where\":{\"and\":[{\"href_matches\":\"https://www.youtube.com/*\"},"
                        + "{\"not\":{\"href_matches\":\"/logout\"}}]}}]}",
                "{\"prefetch\":[{\"urls\":[\"/next\",\"https://www.googletagmanager.com/ns.html?id=GTM-X\"]}]}")) {
            assertFalse(rewrite(rules(json)).contains("<script type=\"speculationrules\""), json);
        }
    }
}
