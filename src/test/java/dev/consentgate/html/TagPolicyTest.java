package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagPolicyTest {

    private static TagRule pathRule(String id, String path) {
        return new TagRule(id, Optional.empty(), Optional.of(path), Optional.empty(), "analytics", Optional.empty(),
                "test");
    }

    private static TagRule hostRule(String id, String host, String path) {
        return new TagRule(id, Optional.of(host), Optional.ofNullable(path), Optional.empty(), "advertising",
                Optional.empty(), "test");
    }

    /** What the rules say, read the slow way: the first rule whose host and path match, in rule order. */
    private static int naiveMatch(List<TagRule> rules, UrlParts url) {
        for (int k = 0; k < rules.size(); k++) {
            TagRule r = rules.get(k);
            String path = r.pathPrefix().orElse("");
            if (r.host().isEmpty()) {
                if (url.path().contains(path)) {
                    return k;
                }
            } else {
                String h = r.host().get();
                boolean hostMatches = url.host().equals(h) || url.host().endsWith("." + h);
                if (hostMatches && url.path().startsWith(path)) {
                    return k;
                }
            }
        }
        return -1;
    }

    @Test
    void aHostEndingInDotStarMatchesTheNameUnderAnyTopLevelDomain() {
        List<TagRule> rules = List.of(
                hostRule("recaptcha", "google.com", "/recaptcha/"),
                hostRule("ad-service", "adservice.google.*", null),
                hostRule("audiences", "google.*", "/ads/"));
        TagPolicy policy = new TagPolicy(rules, TestRules.CATEGORIES, HtmlSettings.defaults());
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("https://adservice.google.pl/ddm/fls/i/x", 1);
        expected.put("https://adservice.google.co.uk/x", 1);
        expected.put("https://adservice.google.com.au/x", 1);
        expected.put("https://adservice.google.com/x", 1);
        expected.put("https://www.google.de/ads/ga-audiences?v=1", 2);
        expected.put("https://google.co.jp/ads/x", 2);
        expected.put("https://www.google.com/recaptcha/api.js", 0);
        expected.put("https://www.google.de/maps/embed", -1);
        // the name must be followed by the top-level domain and nothing else
        expected.put("https://adservice.google.example.com/x", -1);
        expected.put("https://google.evil.io/ads/x", -1);
        expected.put("https://google.abc.io/ads/x", -1);
        expected.put("https://adservice.googlex.de/x", -1);
        expected.put("https://notgoogle.de/ads/x", -1);
        expected.put("https://google/ads/x", -1);
        expected.forEach((url, rule) -> assertEquals(rule, policy.matchUrl(UrlParts.parse(url), PageSite.NONE), url));
    }

    @Test
    void pathRulesAreFoundWhereverTheyOccurAndTheFirstMatchingRuleWins() {
        findsWhatTheSlowReadingFinds(List.of(
                pathRule("matomo", "/matomo.php"),
                hostRule("ads", "ads.example", null),
                pathRule("adobe", "/b/ss/"),
                pathRule("prebid", "/prebid"),
                hostRule("cdn-tag", "cdn.example", "/tag/"),
                pathRule("bare-slash-js", "/js"),
                pathRule("no-leading-slash", "utag.js"),
                pathRule("slash", "/")));
    }

    @Test
    void pathRulesOfTwoOrMoreCharactersAfterTheSlashAreFoundWhereverTheyOccur() {
        // no rule as short as "/" or "/x": the two characters after each '/' of the URL rule most rules out
        int ruledOut = findsWhatTheSlowReadingFinds(List.of(
                pathRule("matomo", "/matomo.php"),
                hostRule("ads", "ads.example", null),
                pathRule("prebid", "/prebid"),
                pathRule("adobe", "/b/ss/"),
                pathRule("bare-slash-js", "/js"),
                pathRule("query", "/?q")));
        // the byte filter spares most relative URLs the decoding (a filter that never rules out would pass above)
        assertTrue(ruledOut > 300, "relative paths ruled out on their bytes: " + ruledOut);
    }

    @Test
    void theByteFilterLetsEveryShortOrUnanchoredPathRuleThrough() {
        // rules the two-character filter cannot see: each alone, so that neither guard hides the other
        findsWhatTheSlowReadingFinds(List.of(pathRule("short", "/x"), hostRule("ads", "ads.example", null)));
        findsWhatTheSlowReadingFinds(List.of(pathRule("slash", "/")));
        findsWhatTheSlowReadingFinds(List.of(pathRule("unanchored", "utag.js"), pathRule("prebid", "/prebid")));
    }

    /** The URL a browser loads for a relative URL (without dot segments) on https://site.example/dir/page. */
    private static String resolvedOnPage(String relative) {
        if (relative.startsWith("//")) {
            return "https:" + relative;
        }
        char first = relative.charAt(0);
        return "https://site.example" + (first == '/' ? "" : first == '?' || first == '#' ? "/dir/page" : "/dir/")
                + relative;
    }

    @Test
    void aRelativePathWithoutItsLeadingSlashMatchesAsTheBrowserResolvesIt() {
        TagPolicy policy = new TagPolicy(List.of(pathRule("matomo", "/matomo.php"), pathRule("beacon", "/p?c1=2")),
                TestRules.CATEGORIES, HtmlSettings.defaults());
        assertEquals(0, policy.matchUrl(UrlParts.parse("matomo.php?idsite=1"), PageSite.NONE));
        assertEquals(1, policy.matchUrl(UrlParts.parse("p?c1=2&c2=3"), PageSite.NONE));
        assertEquals(-1, policy.matchUrl(UrlParts.parse("?matomo.php"), PageSite.NONE));
        byte[] raw = "matomo.php".getBytes(StandardCharsets.US_ASCII);
        assertTrue(policy.pathOnlyRuleMayMatch(raw, 0, raw.length));
    }

    private static int findsWhatTheSlowReadingFinds(List<TagRule> rules) {
        TagPolicy policy = new TagPolicy(rules, TestRules.CATEGORIES, HtmlSettings.defaults());
        String[] pieces = {"/", "b", "ss", "matomo.php", "prebid", "prebid1.2.js", "js", "jsx", "tag", "utag.js", "x",
            "?q=/b/ss/", "#/prebid"};
        String[] hosts = {"site.example", "ads.example", "cdn.example", "x.cdn.example"};
        Random random = new Random(11);
        List<String> mismatches = new ArrayList<>();
        int ruledOut = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder path = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                path.append(random.nextBoolean() ? "/" : "").append(pieces[random.nextInt(pieces.length)]);
            }
            UrlParts url = UrlParts.parse("https://" + hosts[random.nextInt(hosts.length)] + "/" + path);
            int expected = naiveMatch(rules, url);
            if (policy.matchUrl(url, PageSite.NONE) != expected) {
                mismatches.add(url.host() + url.path() + " -> " + policy.matchUrl(url, PageSite.NONE) + ", want " + expected);
            }
            // the same path as a relative URL, judged as what a browser loads for it on a page in a directory; the
            // filter on its raw bytes may rule out only what matches no rule
            String relative = path.toString();
            int want = naiveMatch(rules, UrlParts.parse(resolvedOnPage(relative)));
            if (policy.matchUrl(UrlParts.parse(relative), PageSite.NONE) != want) {
                mismatches.add(relative + " -> " + policy.matchUrl(UrlParts.parse(relative), PageSite.NONE)
                        + ", want " + want);
            }
            byte[] raw = relative.getBytes(StandardCharsets.US_ASCII);
            if (UrlParts.isPlainRelative(raw, 0, raw.length) && !policy.pathOnlyRuleMayMatch(raw, 0, raw.length)) {
                ruledOut++;
                if (want >= 0) {
                    mismatches.add(relative + " ruled out on its bytes, but rule " + want + " matches it");
                }
            }
        }
        assertEquals(List.of(), mismatches);
        return ruledOut;
    }
}
