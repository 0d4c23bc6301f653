package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.consent.ConsentDecision;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One policy judges every page of a gateway, and remembers what each URL matched (UrlMatchCache): what it remembers
 * must give each page the verdict it would get alone, whatever the site, the consent or the URLs before it.
 */
class UrlMatchesRememberedAcrossPagesTest {

    private final TagPolicy policy = TestRules.defaultPolicy();

    private String rewrite(String host, ConsentDecision consent, String html) {
        PageSite site = host == null ? PageSite.NONE : PageSite.ofHost(host);
        return new String(HtmlRewriter.rewriteAll(policy, consent, site, html.getBytes(StandardCharsets.UTF_8),
                RewriteListener.NONE, Optional.empty(), null), StandardCharsets.UTF_8);
    }

    @Test
    void theSameUrlIsFirstPartyOnItsVendorsSiteAndBlockedElsewhere() {
        String page = "<script src=\"https://www.youtube.com/iframe_api\"></script>";
        for (int round = 0; round < 3; round++) {
            assertEquals(page, rewrite("www.youtube.com", TestRules.ESSENTIAL_ONLY, page), "on YouTube itself");
            assertFalse(rewrite("www.example.com", TestRules.ESSENTIAL_ONLY, page).contains(" src="),
                    "on another site");
            assertFalse(rewrite(null, TestRules.ESSENTIAL_ONLY, page).contains(" src="), "on no known site");
        }
    }

    @Test
    void consentIsAppliedOnEveryUseOfARememberedUrl() {
        String page = "<img src=\"https://www.facebook.com/tr?id=7&amp;ev=PageView\">";
        for (int round = 0; round < 3; round++) {
            assertEquals("", rewrite("shop.example", TestRules.ESSENTIAL_ONLY, page));
            assertEquals(page, rewrite("shop.example", TestRules.EVERYTHING, page));
        }
    }

    @Test
    void manyMoreUrlsThanTheMemoryHoldsAreEachJudgedAsAlone() {
        // more distinct URLs than slots: many share a slot, and each must still get its own verdict, twice
        int urls = UrlMatchCache.SLOTS * 2;
        for (int pass = 0; pass < 2; pass++) {
            for (int n = 0; n < urls; n++) {
                String own = "<img src=\"https://cdn.example.net/img/" + n + ".png\">";
                String pixel = "<img src=\"https://www.facebook.com/tr?id=" + n + "\">";
                assertEquals(own, rewrite("www.example.net", TestRules.ESSENTIAL_ONLY, own), own);
                assertEquals("", rewrite("www.example.net", TestRules.ESSENTIAL_ONLY, pixel), pixel);
            }
        }
    }

    @Test
    void aUrlReadAgainstAPagesBaseIsNotTakenFromAnotherPage() {
        // read relative to the page's own address, or its base's, on an https page
        String relative = "<script src=\"https:widgets.js\"></script>";
        assertEquals(relative, rewrite("www.example.org", TestRules.ESSENTIAL_ONLY, relative));
        String based = "<base href=\"https://platform.twitter.com/\">" + relative;
        String out = rewrite("www.example.org", TestRules.ESSENTIAL_ONLY, based);
        assertTrue(out.startsWith("<base href=\"https://platform.twitter.com/\">"), out);
        assertFalse(out.contains(" src=\"https:widgets.js"), out);
        assertEquals(relative, rewrite("www.example.org", TestRules.ESSENTIAL_ONLY, relative));
    }

    @Test
    void urlsLongerThanWhatIsRememberedAreJudgedEachTime() {
        String longUrl = "https://www.facebook.com/tr?id=1&x=" + "a".repeat(UrlMatchCache.MAX_URL_CHARS);
        String page = "<img src=\"" + longUrl + "\">";
        assertEquals("", rewrite("www.example.net", TestRules.ESSENTIAL_ONLY, page));
        assertEquals(page, rewrite("www.example.net", TestRules.EVERYTHING, page));
    }

    @Test
    void oneUrlOnMoreSitesThanTheMemoryHoldsIsRememberedForEachSiteApart() {
        // more sites than slots, so some share one: each must get back what was read for it, never another's
        UrlMatchCache cache = new UrlMatchCache();
        String url = "https://www.youtube.com/iframe_api";
        int sites = UrlMatchCache.SLOTS * 2;
        for (int pass = 0; pass < 2; pass++) {
            for (int n = 0; n < sites; n++) {
                int rule = n;
                UrlMatchCache.UrlMatch match = cache.get("site" + n + ".example", url,
                        u -> new UrlMatchCache.UrlMatch(rule, new UrlParts("www.youtube.com", "/iframe_api")));
                assertEquals(n, match.rule(), "site " + n);
            }
        }
    }
}
