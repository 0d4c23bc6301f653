package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A {@code <script type="speculationrules">} makes Chromium prefetch or prerender the URLs of its list rules at once
 * and the links its document rules match as the visitor nears them, on other sites too (Chromium 150, headless,
 * page served from a local server: a prefetch of www.facebook.com/tr, a prerender and a document rule's prefetch of
 * a link to www.youtube.com/embed/ all reached the tracker's host, without cookies). The rule set is judged as the
 * JSON it is: what it names read as Chromium reads it, and a document rule by the links it may match.
 */
class SpeculationRulesAreJudgedByWhatChromiumFetchesTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();

    private static String rewrite(String html) {
        return rewrite(POLICY, html);
    }

    private static String rewrite(TagPolicy policy, String html) {
        return new String(HtmlRewriter.rewriteAll(policy, TestRules.ESSENTIAL_ONLY, PageSite.ofHost("www.example.com"),
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE, Optional.empty(), null),
                StandardCharsets.UTF_8);
    }

    private static String rules(String json) {
        return "<p>x</p><script type=\"speculationrules\">" + json + "</script><p>y</p>";
    }

    @Test
    void aListRuleIsReadAsJsonAndAgainstThePagesBase() {
        // Before (found by a review): each passed, and Chromium prefetched the tracker's URL: a JSON escape in its
        // host, a URL relative to a base on the tracker's host, and an embed's host, which a script's text only
        // names (embeds' hosts are judged in scripts only when loaded).
        for (String html : List.of(
                rules("{\"prefetch\":[{\"urls\":[\"https://www.googletag\\u006danager.com/ns.html?id=GTM-S1\"]}]}"),
                "<base href=\"https://www.googletagmanager.com/\">"
                        + rules("{\"prefetch\":[{\"urls\":[\"ns.html?id=GTM-S2\"]}]}"),
                rules("{\"prerender\":[{\"source\":\"list\",\"urls\":[\"https://www.youtube.com/embed/S3\"]}]}"))) {
            String out = rewrite(html);
            assertFalse(out.contains("<script type=\"speculationrules\""), html + " -> " + out);
        }
    }

    @Test
    void aDocumentRuleThatMayMatchALinkToAnySiteGoes() {
        // Before (found by a review): each passed; Chromium prefetched a link to www.youtube.com/embed/ that a
        // selector rule matched, and a pattern on a wildcard host matches a tracker's links.
        for (String json : List.of(
                "{\"prefetch\":[{\"where\":{\"selector_matches\":\"a\"},\"eagerness\":\"immediate\"}]}",
                "{\"prefetch\":[{\"source\":\"document\",\"where\":{\"not\":{\"href_matches\":\"/logout\"}}}]}",
                "{\"prefetch\":[{\"source\":\"document\"}]}",
                "{\"prefetch\":[{\"where\":{\"href_matches\":\"https://*.facebook.com/*\"},\"eagerness\":\"eager\"}]}",
                "{\"prefetch\":[{\"where\":{\"or\":[{\"href_matches\":\"/*\"},{\"selector_matches\":\".out\"}]}}]}",
                "{\"prefetch\":[{\"where\":{\"href_matches\":{\"hostname\":\"*.youtube.com\"}}}]}")) {
            String out = rewrite(rules(json));
            assertEquals("<p>x</p><p>y</p>", out, json);
        }
    }

    @Test
    void aDocumentRulesPatternOnATrackersHostIsJudgedAsItsUrl() {
        // Before (found by a review): passed, the pattern not being a URL a script loads or names.
        for (String json : List.of(
                "{\"prefetch\":[{\"where\":{\"href_matches\":\"https://www.youtube.com/embed/*\"}}]}",
                "{\"prefetch\":[{\"where\":{\"and\":[{\"href_matches\":{\"hostname\":\"www.youtube.com\"}}]}}]}")) {
            assertFalse(rewrite(rules(json)).contains("<script type=\"speculationrules\""), json);
        }
        assertFalse(rewrite("<base href=\"https://www.youtube.com/\">" + rules(
                "{\"prefetch\":[{\"where\":{\"href_matches\":\"/embed/*\"}}]}")).contains("<script type=\"speculationrules\""));
    }

    @Test
    void aRuleSetTheGatewayCannotReadWholeGoes() {
        // Before (found by a review): a rule set past the inspect limit passed unread (Chromium reads it whole), and
        // so did JSON with repeated keys, of which Chromium takes the last.
        TagPolicy small = TestRules.policy(HtmlSettings.defaults().withLimits(256, 16 * 1024));
        String padded = rules("{\"prefetch\":[{\"urls\":[\"/a\"]}],\"tag\":\"" + "x".repeat(400) + "\","
                + "\"prerender\":[{\"urls\":[\"https://www.youtub\\u0065.com/embed/S4\"]}]}");
        assertEquals("<p>x</p><p>y</p>", rewrite(small, padded));
        assertEquals("<p>x</p><p>y</p>", rewrite(rules("{\"prefetch\":[{\"urls\":[\"/a\"]}],"
                + "\"prefetch\":[{\"urls\":[\"https://www.youtub\\u0065.com/embed/S5\"]}]}")));
    }

    @Test
    void theSitesOwnRulesPassByteForByte() {
        for (String html : List.of(
                rules("{\"prefetch\":[{\"source\":\"list\",\"urls\":[\"/next\",\"about.html\","
                        + "\"https://www.example.com/shop\"]}]}"),
                // WordPress 6.8's rules
                rules("{\"prefetch\":[{\"source\":\"document\",\"where\":{\"and\":[{\"href_matches\":\"\\/*\"},"
                        + "{\"not\":{\"href_matches\":[\"\\/wp-*.php\",\"\\/wp-admin\\/*\",\"\\/*\\\\?(.+)\"]}},"
                        + "{\"not\":{\"selector_matches\":\"a[rel~=\\\"nofollow\\\"]\"}}]},"
                        + "\"eagerness\":\"conservative\"}]}"),
                rules("{\"prerender\":[{\"where\":{\"href_matches\":[\"/products/:id\",{\"pathname\":\"/blog/*\"}]},"
                        + "\"eagerness\":\"moderate\"}],\"prefetch\":[{\"where\":{\"href_matches\":"
                        + "\"https://www.example.com/*\"},\"eagerness\":\"moderate\",\"referrer_policy\":\"no-referrer\"}]}"))) {
            assertEquals(html, rewrite(html));
        }
    }
}
