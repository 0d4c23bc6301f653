package dev.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page's own site: rules naming that whole site spare its own URLs; narrower and path-only rules do not. */
class PageSiteTest {

    private static TagRule host(String id, String host, String category) {
        return new TagRule(id, Optional.of(host), Optional.empty(), Optional.empty(), category, Optional.empty(),
                "test");
    }

    private static final TagPolicy POLICY = new TagPolicy(List.of(
            new TagRule("vendor-collect", Optional.of("example.com"), Optional.of("/collect/"), Optional.empty(),
                    "analytics", Optional.empty(), "test"),
            host("vendor", "example.com", "analytics"),
            host("vendor-stats", "stats.example.com", "analytics"),
            host("any-tld", "video.*", "functionality"),
            new TagRule("self-hosted", Optional.empty(), Optional.of("/matomo.php"), Optional.empty(), "analytics",
                    Optional.empty(), "test")), TestRules.CATEGORIES, HtmlSettings.defaults());

    private static String rewrite(String html, PageSite site) {
        return new String(HtmlRewriter.rewriteAll(POLICY, TestRules.ESSENTIAL_ONLY, site,
                html.getBytes(StandardCharsets.UTF_8), RewriteListener.NONE, Optional.empty(), null),
                StandardCharsets.UTF_8);
    }

    @Test
    void theSiteIsTheRegistrableDomainOfTheHost() {
        assertEquals("example.com", PageSite.ofHost("www.Example.COM").domain());
        assertEquals("example.com", PageSite.ofHost("a.b.example.com.").domain());
        assertEquals("bbc.co.uk", PageSite.ofHost("www.bbc.co.uk").domain());
        assertEquals("example.com.au", PageSite.ofHost("shop.example.com.au").domain());
        assertEquals("example.de", PageSite.ofHost("example.de").domain());
        assertEquals("localhost", PageSite.ofHost("localhost").domain());
        assertEquals("127.0.0.1", PageSite.ofHost("127.0.0.1").domain());
        assertEquals("[::1]", PageSite.ofHost("[::1]").domain());
    }

    @Test
    void aHostHeadersPortIsNotPartOfTheSite() {
        assertEquals("example.com", PageSite.ofAuthority("WWW.EXAMPLE.COM.:8080").domain());
        assertEquals("example.co.uk", PageSite.ofAuthority("shop.example.co.uk").domain());
        assertEquals("[::1]", PageSite.ofAuthority("[::1]:8443").domain());
        assertEquals("[::1]", PageSite.ofAuthority("[::1]").domain());
    }

    @Test
    void onlyTheSiteAndItsParentsAreItsOwnSuffixes() {
        PageSite site = PageSite.ofHost("www.example.com");
        assertEquals(7, site.ownSuffixStart("static.example.com"));
        assertEquals(0, site.ownSuffixStart("example.com"));
        assertEquals(Integer.MAX_VALUE, site.ownSuffixStart("badexample.com"));
        assertEquals(Integer.MAX_VALUE, site.ownSuffixStart("example.com.evil.test"));
        assertEquals(Integer.MAX_VALUE, PageSite.NONE.ownSuffixStart("example.com"));
    }

    @Test
    void aRuleNamingTheWholeSiteSparesTheSitesOwnScriptsAndOnlyThem() {
        String page = "<script src=\"https://static.example.com/app.js\"></script>"
                + "<script src=\"https://example.com/x.js\"></script>";
        String onOwnSite = rewrite(page, PageSite.ofHost("www.example.com"));
        assertEquals(page, onOwnSite);
        String elsewhere = rewrite(page, PageSite.ofHost("news.test"));
        assertEquals(2, elsewhere.split("type=\"text/plain\"", -1).length - 1, elsewhere);
        assertEquals(elsewhere, rewrite(page, PageSite.NONE));
    }

    @Test
    void aRuleForOneSubdomainOfTheSiteAndAPathOnlyRuleStillApply() {
        PageSite site = PageSite.ofHost("www.example.com");
        assertEquals("", rewrite("<img src=\"https://stats.example.com/p.gif\">", site));
        assertEquals("", rewrite("<img src=\"https://www.example.com/matomo.php?idsite=1\">", site));
        String inline = "<script>var s=document.createElement('script');s.src='https://stats.example.com/t.js';"
                + "document.head.appendChild(s);</script>";
        assertEquals(1, rewrite(inline, site).split("type=\"text/plain\"", -1).length - 1);
        String ownInline = "<script>var s=document.createElement('script');s.src='https://cdn.example.com/t.js';"
                + "document.head.appendChild(s);</script>";
        assertEquals(ownInline, rewrite(ownInline, site));
    }

    @Test
    void aRuleForTheSiteNarrowedByAPathStillApplies() {
        PageSite site = PageSite.ofHost("www.example.com");
        String page = "<script src=\"https://shop.example.com/collect/t.js\"></script>";
        assertEquals(1, rewrite(page, site).split("type=\"text/plain\"", -1).length - 1);
    }

    @Test
    void aRuleUnderAnyTopLevelDomainSparesTheSiteItNames() {
        String frame = "<iframe src=\"https://www.video.de/embed/1\"></iframe>";
        assertEquals(frame, rewrite(frame, PageSite.ofHost("www.video.de")));
        String underCountrySecondLevel = frame.replace("video.de", "video.co.uk");
        assertEquals(underCountrySecondLevel, rewrite(underCountrySecondLevel, PageSite.ofHost("video.co.uk")));
        String blocked = rewrite(frame, PageSite.ofHost("news.test"));
        assertFalse(blocked.contains("src=\"https://www.video.de"), blocked);
    }
}
