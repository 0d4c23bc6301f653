package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A path rule takes a URL whose path spells the rule's letters percent-encoded: Chromium sends {@code /%74r} as written,
 * and the server that receives it decodes the escape of an unreserved character (RFC 3986, 6.2.2.2) before it routes
 * the request, so Meta's pixel endpoint answers it as {@code /tr}.
 */
class PercentEncodedLettersInPathsAreMatchedTest {

    /** Facebook's plugins granted (functionality), Meta's pixel (advertising, the host narrowed to /tr) not. */
    private static final ConsentDecision FUNCTIONALITY = TestRules.consent("essential", "functionality");

    private static String rewrite(String html) {
        return TestRules.rewrite(FUNCTIONALITY, html);
    }

    /**
     * Before (found by a review): {@code /%74r} did not start with the rule's {@code /tr}, and the pixel passed for a
     * visitor who granted functionality only.
     */
    @Test
    void aHostRulesPathSpelledWithEscapesIsMatched() {
        for (String src : new String[] {"https://www.facebook.com/%74r?id=1", "https://www.facebook.com/%74%72?id=1",
                "//www.facebook.com/%74r", "https://www.facebook.com/x/%2e%2e/%74r"}) {
            String page = "<img src=\"" + src + "\">";
            assertNotEquals(page, rewrite(page), src);
        }
    }

    /** Before (found by a review): {@code /%67tm.js} on the site's own host passed the path-only rule for /gtm.js. */
    @Test
    void aPathOnlyRuleSpelledWithEscapesIsMatched() {
        for (String src : new String[] {"/%67tm.js?id=GTM-X", "/%67%74%6d.js", "/t/%67tm%2Ejs"}) {
            String page = "<script src=\"" + src + "\"></script>";
            assertNotEquals(page, rewrite(page), src);
        }
    }

    /** The escapes are decoded in the path only: the query means what it says, and so do %2F and %3F. */
    @Test
    void onlyThePathsUnreservedEscapesAreDecoded() {
        assertEquals(new UrlParts("www.facebook.com", "/tr?u=%74%72"),
                UrlParts.parse("https://www.facebook.com/%74%72?u=%74%72"));
        assertEquals(new UrlParts("www.facebook.com", "/%2Ftr/%3Fx~"),
                UrlParts.parse("https://www.facebook.com/%2Ftr/%3Fx%7E"));
        assertEquals(new UrlParts("", "/a/b%20c.png#%74"), UrlParts.parse("/a/%62%20c.png#%74"));
        assertEquals("/%7", UrlParts.withUnreservedDecoded("/%7"));
        assertEquals("/%zz%", UrlParts.withUnreservedDecoded("/%zz%"));
        // only ASCII hex digits make an escape (Character.digit would read the Arabic-Indic U+0667 as 7)
        assertEquals("/%\u0667\u0664r", UrlParts.withUnreservedDecoded("/%\u0667\u0664r"));
    }

    /** What the visitor granted, and pages of the site's own that only look alike, still load. */
    @Test
    void whatIsNotTheRulesPathStillLoads() {
        String page = "<iframe src=\"https://www.facebook.com/%70lugins/page.php?href=a\"></iframe>"
                + "<img src=\"https://www.facebook.com/%74he-page.png\"><img src=\"/a%20b/%74ruck.png\">"
                + "<script src=\"/%67tm-like.jsx\"></script>";
        assertEquals(page, rewrite(page));
    }

    /** A rule written with an escape takes the URL either way. */
    @Test
    void aRulesOwnEscapesAreReadAlike() {
        TagPolicy policy = new TagPolicy(List.of(new TagRule("tilde", Optional.of("tracker.example"),
                Optional.of("/%7Euser/px"), Optional.empty(), "advertising", Optional.empty(), "test"),
                new TagRule("self-hosted", Optional.empty(), Optional.of("/%7Ea/px"), Optional.empty(), "advertising",
                        Optional.empty(), "test")), TestRules.CATEGORIES, HtmlSettings.defaults());
        PageSite site = PageSite.NONE;
        assertEquals(0, policy.matchUrl(UrlParts.parse("https://tracker.example/~user/px.gif"), site));
        assertEquals(0, policy.matchUrl(UrlParts.parse("https://tracker.example/%7euser/px.gif"), site));
        assertEquals(1, policy.matchUrl(UrlParts.parse("/x/~a/px.gif"), site));
    }
}
