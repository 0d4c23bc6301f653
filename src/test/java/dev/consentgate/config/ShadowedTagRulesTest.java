package dev.consentgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tag rules an earlier rule makes dead: named where they are, with the rule that takes their URLs. Each case is
 * checked against what the rewriter decides too (see TagPolicy), so a warning never says more than is so.
 */
class ShadowedTagRulesTest {

    private static final String HEAD = """
            routes:
              - upstream: http://127.0.0.1:9000
            categories:
              essential: {essential: true}
              analytics: {}
              advertising: {}
            tags:
            """;

    private static List<String> warnings(String tags) throws RulesetException {
        return ShadowedTagRules.warnings(RulesetLoader.parse("r.yaml", HEAD + tags).ownTagRules());
    }

    @Test
    void aRuleForTheSameHostAfterAnotherNeverDecides() throws RulesetException {
        assertEquals(List.of("r.yaml:9:5: warning: rule 'ads-again' never decides: rule 'ads' (r.yaml:8:5) comes"
                        + " first and matches every URL it matches"),
                warnings("  - {id: ads, host: ads.example, category: advertising}\n"
                        + "  - {id: ads-again, host: ADS.example, category: analytics, action: remove}\n"));
    }

    @Test
    void aSubdomainsRuleDecidesOnlyOnTheParentsOwnPages() throws RulesetException {
        // a rule without a path spares the page's own site: on piwik.pro itself the subdomain's rule decides
        assertEquals(List.of("r.yaml:9:5: warning: rule 'piwik-containers' never decides: rule 'piwik'"
                        + " (r.yaml:8:5) comes first and matches every URL it matches (except on the pages of piwik.pro"
                        + " itself)"),
                warnings("  - {id: piwik, host: piwik.pro, category: analytics}\n"
                        + "  - {id: piwik-containers, host: containers.piwik.pro, category: analytics}\n"));
    }

    @Test
    void aPathUnderAnEarlierRulesPathNeverDecides() throws RulesetException {
        assertEquals(List.of("r.yaml:9:5: warning: rule 'pixel' never decides: rule 'tr' (r.yaml:8:5) comes first"
                        + " and matches every URL it matches"),
                warnings("  - {id: tr, host: facebook.com, path: /tr, category: advertising}\n"
                        + "  - {id: pixel, host: www.facebook.com, path: /tr/, category: analytics}\n"));
    }

    @Test
    void aRuleWhosePathHoldsAnEarlierPathOnlyRulesPathNeverDecides() throws RulesetException {
        // a path-only rule is looked for anywhere in a URL's path, on any host
        assertEquals(List.of("r.yaml:9:5: warning: rule 'shop-gtm' never decides: rule 'gtm-self-hosted'"
                        + " (r.yaml:8:5) comes first and matches every URL it matches",
                        "r.yaml:10:5: warning: rule 'gtm-copy' never decides: rule 'gtm-self-hosted' (r.yaml:8:5) comes"
                        + " first and matches every URL it matches"),
                warnings("  - {id: gtm-self-hosted, path: /gtm.js, category: analytics}\n"
                        + "  - {id: shop-gtm, host: shop.example, path: /assets/gtm.js, category: advertising}\n"
                        + "  - {id: gtm-copy, path: /vendor/gtm.js, category: analytics}\n"
                        // not dead: its path does not hold "/gtm.js" (a URL of it may lack it)
                        + "  - {id: gtm-dir, path: /gtm/, category: analytics}\n"));
    }

    @Test
    void rulesThatStillDecideSomethingAreNotNamed() throws RulesetException {
        assertEquals(List.of(), warnings(
                // the narrower rule first: it decides its URLs, the broader one the rest
                "  - {id: gtm-ns, host: googletagmanager.com, path: /ns.html, category: analytics}\n"
                        + "  - {id: gtm, host: googletagmanager.com, category: analytics}\n"
                        // a path beside the earlier one's, not under it
                        + "  - {id: fb-tr, host: facebook.com, path: /tr, category: advertising}\n"
                        + "  - {id: fb-plugins, host: facebook.com, path: /plugins/, category: advertising}\n"
                        // a host-only rule spares the page's own site, where a rule with a path still decides
                        + "  - {id: shop, host: shop.example, category: analytics}\n"
                        + "  - {id: shop-pixel, host: shop.example, path: /px, category: advertising}\n"
                        // a parent after its subdomain, and a sibling
                        + "  - {id: a-cdn, host: cdn.a.example, category: analytics}\n"
                        + "  - {id: a, host: a.example, category: advertising}\n"
                        + "  - {id: b, host: b.a2.example, category: advertising}\n"));
    }

    @Test
    void onlyRulesMatchedByTheirUrlAloneAreCompared() throws RulesetException {
        // dead too, but not named: a name under any top-level domain is compared only with itself, and signatures,
        // which match inside scripts, are not compared at all (so a warning is never wrong, though one may be missed)
        assertEquals(List.of(), warnings(
                "  - {id: yandex-any, host: yandex.*, category: analytics}\n"
                        + "  - {id: yandex-ru, host: yandex.ru, category: analytics}\n"
                        + "  - {id: gtm-inline, signature: \"googletagmanager.com\", category: analytics}\n"
                        + "  - {id: gtm-inline-js, signature: \"googletagmanager.com/gtm.js\", category: analytics}\n"));
    }

    @Test
    void theShippedRulesetHasNoDeadRule() throws Exception {
        assertEquals(List.of(), ShadowedTagRules.warnings(
                RulesetLoader.load(Path.of("config/consentgate.yaml")).ownTagRules()));
    }
}
