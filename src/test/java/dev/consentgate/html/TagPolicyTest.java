package dev.consentgate.html;

import dev.consentgate.config.HtmlSettings;
import dev.consentgate.config.TagRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void pathRulesAreFoundWhereverTheyOccurAndTheFirstMatchingRuleWins() {
        List<TagRule> rules = List.of(
                pathRule("matomo", "/matomo.php"),
                hostRule("ads", "ads.example", null),
                pathRule("adobe", "/b/ss/"),
                pathRule("prebid", "/prebid"),
                hostRule("cdn-tag", "cdn.example", "/tag/"),
                pathRule("bare-slash-js", "/js"),
                pathRule("no-leading-slash", "utag.js"),
                pathRule("slash", "/"));
        TagPolicy policy = new TagPolicy(rules, TestRules.CATEGORIES, HtmlSettings.defaults());
        String[] pieces = {"/", "b", "ss", "matomo.php", "prebid", "prebid1.2.js", "js", "jsx", "tag", "utag.js", "x",
            "?q=/b/ss/", "#/prebid"};
        String[] hosts = {"site.example", "ads.example", "cdn.example", "x.cdn.example"};
        Random random = new Random(11);
        List<String> mismatches = new ArrayList<>();
        for (int round = 0; round < 3000; round++) {
            StringBuilder path = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                path.append(random.nextBoolean() ? "/" : "").append(pieces[random.nextInt(pieces.length)]);
            }
            UrlParts url = UrlParts.parse("https://" + hosts[random.nextInt(hosts.length)] + "/" + path);
            int expected = naiveMatch(rules, url);
            if (policy.matchUrl(url) != expected) {
                mismatches.add(url.host() + url.path() + " -> " + policy.matchUrl(url) + ", want " + expected);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
