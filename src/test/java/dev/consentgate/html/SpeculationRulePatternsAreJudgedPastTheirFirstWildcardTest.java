package dev.consentgate.html;

import dev.consentgate.consent.ConsentDecision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A document rule's {@code href_matches} pattern reaches every link its wildcards, named groups and regex groups
 * leave open, not only the URL it spells up to the first of them: Chromium 150 prefetched a link to
 * www.facebook.com/tr (Meta's pixel, advertising) that {@code https://www.facebook.com/t*} matched, for a visitor who
 * granted only functionality (Facebook's social plugins). A pattern is judged by its literal start with every path a
 * rule names after it, and by its literal parts joined; a wildcard after a '/' of the page's own paths stays the
 * site's (WordPress's {@code /*}).
 */
class SpeculationRulePatternsAreJudgedPastTheirFirstWildcardTest {

    private static final TagPolicy POLICY = TestRules.defaultPolicy();
    private static final ConsentDecision FUNCTIONALITY = TestRules.consent("essential", "functionality");

    private static String rewrite(ConsentDecision consent, String html) {
        return new String(HtmlRewriter.rewriteAll(POLICY, consent, PageSite.ofHost("www.example.com"),
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE, Optional.empty(), null),
                StandardCharsets.UTF_8);
    }

    private static String documentRule(String hrefMatches) {
        return "<p>x</p><script type=\"speculationrules\">{\"prefetch\":[{\"where\":{\"href_matches\":" + hrefMatches
                + "},\"eagerness\":\"immediate\"}]}</script><p>y</p>";
    }

    /** The rule set was removed or neutralized: Chromium acts on it no more. */
    private static void assertBlocked(String out, String what) {
        assertFalse(out.contains("<script type=\"speculationrules\""), what + " -> " + out);
    }

    @Test
    void aPatternOnAConsentedHostReachesItsTrackersPaths() {
        // Before (found by a review): each passed for a visitor who granted functionality: judged as
        // www.facebook.com/t or www.facebook.com/, Facebook's social plugins, though it matches links to
        // www.facebook.com/tr, Meta's pixel (advertising); Chromium prefetched such a link.
        for (String pattern : List.of("\"https://www.facebook.com/t*\"", "\"https://www.facebook.com/*\"",
                "\"https://www.facebook.com/:path\"", "{\"hostname\":\"www.facebook.com\",\"pathname\":\"/t*\"}",
                "{\"hostname\":\"www.facebook.com\"}")) {
            assertBlocked(rewrite(FUNCTIONALITY, documentRule(pattern)), pattern);
        }
        // Before (found by a review): passed, judged at the base's root
        assertBlocked(rewrite(FUNCTIONALITY, "<base href=\"https://www.facebook.com/\">" + documentRule("\"/t*\"")),
                "/t* under a base");
    }

    @Test
    void aPatternOnAHostWhoseTrackerIsOnePathReachesIt() {
        // Before (found by a review): passed, judged as www.google.com/, which no rule names, though it matches links
        // to www.google.com/pagead/ (Google's ads)
        assertBlocked(rewrite(TestRules.ESSENTIAL_ONLY, documentRule("\"https://www.google.com/*\"")), "google");
    }

    @Test
    void aPatternSpellingASelfHostedTrackersFileReachesIt() {
        // Before (found by a review): the first passed, judged as /sst/gt, which starts no tracker's path, though it
        // matches /sst/gtm.js (server-side Google Tag Manager); the others went only because the script's text names
        // /gtm.js, which no longer counts by itself (SpeculationRuleExclusionsReachNothingTest)
        for (String pattern : List.of("\"/sst/gt*\"", "\"/*/gtm.js\"", "\"/:dir/gtm.js\"", "\"/(sst|tags)/gtm.js\"",
                "\"/{sst/}?gtm.js\"", "{\"pathname\":\"/*/gtm.js\"}")) {
            assertBlocked(rewrite(TestRules.ESSENTIAL_ONLY, documentRule(pattern)), pattern);
        }
    }

    @Test
    void theSitesOwnPatternsStillPass() {
        for (String pattern : List.of("\"/*\"", "\"/blog/*\"", "\"/products/:id\"", "\"/shop/*\\\\?(.+)\"",
                "\"https://www.example.com/*\"", "{\"pathname\":\"/blog/*\"}",
                "\"https://www.facebook.com/groups/*\"")) {
            String html = documentRule(pattern);
            assertEquals(html, rewrite(FUNCTIONALITY, html), pattern);
        }
    }

    @Test
    void aPatternsLiteralPartsAreWhatItSpells() {
        assertEquals("/gtm.js", SpeculationRules.literalParts("/*/gtm.js"));
        assertEquals("/gtm.js", SpeculationRules.literalParts("/:dir(\\w+)?/gtm.js"));
        assertEquals("/blog/x.html", SpeculationRules.literalParts("/blog/{x}.html"));
        assertEquals("/a*b", SpeculationRules.literalParts("/a\\*b"));
        assertEquals("/", SpeculationRules.literalParts("*"));
    }
}
