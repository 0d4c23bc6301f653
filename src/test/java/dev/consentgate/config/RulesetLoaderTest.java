package dev.consentgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesetLoaderTest {

    private static final String MINIMAL = """
            routes:
              - upstream: http://127.0.0.1:9000
            categories:
              essential: {essential: true}
              analytics: {}
            """;

    private static List<String> problems(String yaml) {
        RulesetException e = assertThrows(RulesetException.class, () -> RulesetLoader.parse("r.yaml", yaml));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void shippedDefaultEncodesTheSeedPolicy() throws Exception {
        Ruleset r = RulesetLoader.load(Path.of("config/consentgate.yaml"));
        assertEquals(List.of("essential", "functionality", "analytics", "advertising"),
                List.copyOf(r.categories().keySet()));
        CookieRule userId = r.cookieRules().stream().filter(c -> c.name().matches("userId")).findFirst().orElseThrow();
        assertEquals("functionality", userId.category());
        assertEquals(Optional.of(Duration.ofDays(30)), userId.maxRetention());
        assertEquals("2025-12-16", r.consent().revision());
        assertTrue(r.categories().get("advertising").gpcOptOut());
        assertTrue(userId.origin().startsWith("config/consentgate.yaml:"), userId.origin());
    }

    @Test
    void minimalRulesetUsesDocumentedDefaults() throws Exception {
        Ruleset r = RulesetLoader.parse("r.yaml", MINIMAL);
        assertEquals(Limits.defaults(), r.limits());
        assertEquals(List.of(new Listener("127.0.0.1", 8080)), r.listeners());
        assertEquals(ConsentSettings.defaults(), r.consent());
    }

    @Test
    void namedUrlCategoriesDefaultToTheDeclaredTrackerCategoriesAndAreChecked() throws Exception {
        assertEquals(java.util.Set.of("analytics"), RulesetLoader.parse("r.yaml", MINIMAL).html().namedUrlCategories());
        assertEquals(java.util.Set.of("essential"), RulesetLoader.parse("r.yaml", MINIMAL
                + "html:\n  named_url_categories: [essential]\n").html().namedUrlCategories());
        assertEquals(java.util.Set.of(), RulesetLoader.parse("r.yaml", MINIMAL
                + "html:\n  named_url_categories: []\n").html().namedUrlCategories());
        List<String> p = problems(MINIMAL + "html:\n  named_url_categories: [analytics, marketing]\n");
        assertTrue(p.get(0).startsWith("r.yaml:7:37: unknown category 'marketing'"), p.get(0));
    }

    @Test
    void unknownKeyIsReportedWithLineColumnAndSuggestion() {
        List<String> p = problems(MINIMAL + "limit:\n  max_body: 1MiB\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:6:1: unknown key 'limit'"), p.get(0));
        assertTrue(p.get(0).contains("did you mean 'limits'"), p.get(0));
    }

    @Test
    void badDurationWrongTypeAndUnknownCategoryAreAllReported() {
        List<String> p = problems(MINIMAL + """
                limits:
                  header_read_timeout: 10 parsecs
                  max_header_count: lots
                cookies:
                  - {name: _ga, category: analytic, retention: 2y}
                """);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:7:24: bad duration '10 parsecs'"), p.get(0));
        assertTrue(p.get(1).startsWith("r.yaml:8:21: 'max_header_count' in limits must be a whole number"), p.get(1));
        assertTrue(p.get(2).startsWith("r.yaml:10:27: unknown category 'analytic'"), p.get(2));
    }

    @Test
    void anUnknownCategorySaysWhichAreDeclaredOrThatNoneAre() {
        List<String> declared = problems(MINIMAL + "tags:\n  - {id: x, host: example.com, category: analytic}\n");
        assertEquals(List.of("r.yaml:7:42: unknown category 'analytic'; declared: essential, analytics"), declared);
        List<String> none = problems("""
                routes:
                  - {upstream: "http://127.0.0.1:8081"}
                tags:
                  - {id: x, host: example.com, category: analytics}
                """);
        assertTrue(none.contains("r.yaml:4:42: unknown category 'analytics'; no categories are declared"),
                none.toString());
    }

    @Test
    void duplicateRuleAndInvalidPatternAreReported() {
        List<String> p = problems(MINIMAL + """
                cookies:
                  - {name: _ga, category: analytics}
                  - {name: _ga, category: analytics}
                  - {glob: "bad name*", category: analytics}
                """);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:8:5: duplicate cookie rule for exact:_ga"), p.get(0));
        assertTrue(p.get(1).startsWith("r.yaml:9:12: invalid glob pattern 'bad name*'"), p.get(1));
    }

    @Test
    void unlessNamesSignatureRulesAndAMisplacedOrDanglingOneIsReported() throws Exception {
        Ruleset r = RulesetLoader.parse("r.yaml", MINIMAL + """
                tags:
                  - {id: vendor-host-inline, signature: "cdn.vendor.example", category: analytics, unless: [vendor-sdk]}
                  - {id: vendor-sdk, signature: "vendorSdk(", category: analytics}
                """);
        assertEquals(List.of("vendor-sdk"), r.tagRules().get(0).unless());
        assertEquals(List.of(), r.tagRules().get(1).unless());
        List<String> p = problems(MINIMAL + """
                tags:
                  - {id: vendor, host: vendor.example, category: analytics, unless: [vendor-inline]}
                  - {id: vendor-inline, signature: "vendor(", category: analytics, unless: [vendor, nobody]}
                """);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:7:69: 'unless' applies to a rule with only a 'signature'"), p.get(0));
        assertTrue(p.get(1).startsWith("r.yaml:8:76: 'unless' names 'vendor', which is not a tag rule with a"
                + " 'signature'"), p.get(1));
        assertTrue(p.get(2).startsWith("r.yaml:8:76: 'unless' names 'nobody'"), p.get(2));
    }

    @Test
    void keepIsForAnEssentialSignatureRuleAndAnyOtherUseIsReported() throws Exception {
        Ruleset r = RulesetLoader.parse("r.yaml", MINIMAL + """
                tags:
                  - {id: site-config, signature: "window.site = {", category: essential, action: keep}
                  - {id: vendor-inline, signature: "vendor(", category: analytics}
                """);
        assertTrue(r.tagRules().get(0).keep());
        assertEquals(Optional.empty(), r.tagRules().get(0).action());
        assertTrue(!r.tagRules().get(1).keep());
        List<String> p = problems(MINIMAL + """
                tags:
                  - {id: own-host, host: static.site.example, category: essential, action: keep}
                  - {id: vendor-inline, signature: "vendor(", category: analytics, action: keep}
                  - {id: cmp, signature: "cmp(", category: essential, action: keep, unless: [vendor-inline]}
                  - {id: site-config, signature: "window.site = {", category: essential, action: keep}
                  - {id: vendor, signature: "vendor(", category: analytics, unless: [site-config]}
                  - {id: nothing, signature: "", category: essential, action: keep}
                html:
                  actions: {script: keep}
                """);
        assertEquals(6, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:7:76: action 'keep' is for a rule with only a 'signature' (no 'unless')"
                + " of an essential category"), p.get(0));
        assertTrue(p.get(1).startsWith("r.yaml:8:76: action 'keep'"), p.get(1));
        assertTrue(p.get(2).startsWith("r.yaml:9:63: action 'keep'"), p.get(2));
        assertTrue(p.get(3).startsWith("r.yaml:11:69: 'unless' names 'site-config', a keep rule"), p.get(3));
        assertTrue(p.get(4).startsWith("r.yaml:12:30: empty signature"), p.get(4));
        assertTrue(p.get(5).startsWith("r.yaml:14:21: action 'keep' is only for a tag rule with a 'signature' under"
                + " 'tags'"), p.get(5));
    }

    @Test
    void anUnlessListSharedThroughAYamlAnchorIsReadForEachRuleAndAProblemInItReportedOnce() throws Exception {
        Ruleset r = RulesetLoader.parse("r.yaml", MINIMAL + """
                tags:
                  - {id: cmp-config, signature: "cmpConfig", category: essential}
                  - {id: vendor-a, signature: "a(", category: analytics, unless: &configs [cmp-config]}
                  - {id: vendor-b, signature: "b(", category: analytics, unless: *configs}
                """);
        assertEquals(List.of("cmp-config"), r.tagRules().get(1).unless());
        assertEquals(List.of("cmp-config"), r.tagRules().get(2).unless());
        List<String> p = problems(MINIMAL + """
                tags:
                  - {id: vendor-a, signature: "a(", category: analytics, unless: &configs [nobody]}
                  - {id: vendor-b, signature: "b(", category: analytics, unless: *configs}
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:7:66: 'unless' names 'nobody'"), p.get(0));
    }

    @Test
    void aListSharedByManyRulesLoadsAndAnAliasBombIsRefused() throws Exception {
        StringBuilder shared = new StringBuilder(MINIMAL + "tags:\n"
                + "  - {id: cmp-config, signature: \"cmpConfig\", category: essential}\n"
                + "  - {id: vendor-0, signature: \"v0(\", category: analytics, unless: &configs [cmp-config]}\n");
        for (int k = 1; k <= 300; k++) {
            shared.append("  - {id: vendor-").append(k).append(", signature: \"v").append(k)
                    .append("(\", category: analytics, unless: *configs}\n");
        }
        Ruleset r = RulesetLoader.parse("r.yaml", shared.toString());
        assertEquals(List.of("cmp-config"), r.tagRules().get(301).unless());
        // nested aliases, each level naming the one before it three times: the load stops before expanding them
        StringBuilder bomb = new StringBuilder(MINIMAL + "x0: &x0 [a, a, a]\n");
        for (int level = 1; level <= 12; level++) {
            String prev = "*x" + (level - 1);
            bomb.append("x").append(level).append(": &x").append(level).append(" [").append(prev).append(", ")
                    .append(prev).append(", ").append(prev).append("]\n");
        }
        List<String> p = problems(bomb.toString());
        assertEquals(1, p.size(), p.toString());
        // x8 stands for 29,524 nodes: the first alias of it on line 15 brings the aliases to 73,792 nodes, the second
        // past 100,000
        assertTrue(p.get(0).startsWith("r.yaml:15:15: YAML: aliases stand for more than 100000 nodes"), p.get(0));
    }

    @Test
    void anUnlessListLongerThanTheLimitIsRefusedOnce() {
        String ids = String.join(", ", java.util.Collections.nCopies(TagRulesReader.MAX_UNLESS + 1, "cmp-config"));
        List<String> p = problems(MINIMAL + "tags:\n"
                + "  - {id: cmp-config, signature: \"cmpConfig\", category: essential}\n"
                + "  - {id: vendor-a, signature: \"a(\", category: analytics, unless: &many [" + ids + "]}\n"
                + "  - {id: vendor-b, signature: \"b(\", category: analytics, unless: *many}\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("r.yaml:8:66: 'unless' names 65 rules; at most 64"), p.get(0));
    }

    @Test
    void upstreamUrlSyntaxIsChecked() {
        assertTrue(problems(MINIMAL.replace("http://127.0.0.1:9000", "ftp://x")).get(0)
                .matches("r\\.yaml:2:15: upstream 'ftp://x' must start with http://.*"));
        assertTrue(problems(MINIMAL.replace("http://127.0.0.1:9000", "http://h:99999")).get(0)
                .contains("outside 1-65535"));
        assertTrue(problems(MINIMAL.replace("http://127.0.0.1:9000", "http://h:80/app")).get(0)
                .contains("must not have a path"));
    }

    @Test
    void yamlSyntaxErrorIsLocated() {
        List<String> p = problems("routes: [\n  - x\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("r.yaml:"), p.get(0));
        assertTrue(p.get(0).contains("YAML syntax"), p.get(0));
    }

    @Test
    void duplicateKeyIsReported() {
        List<String> p = problems(MINIMAL + "consent:\n  cookie: a\n  cookie: b\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("duplicate key 'cookie'") || p.get(0).contains("uplicate"), p.get(0));
    }
}
