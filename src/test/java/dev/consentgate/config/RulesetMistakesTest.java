package dev.consentgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rulesets a user could write by mistake that read like a policy but would enforce less than they say: each is an
 * error at the line and column of the mistake. Before (found by a review), every one of them loaded without a word;
 * the comment on each case says what it did then.
 */
class RulesetMistakesTest {

    private static final String HEAD = """
            routes:
              - upstream: http://127.0.0.1:9000
            categories:
              essential: {essential: true}
              analytics: {}
              advertising: {}
            """;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // read as three alternatives: a TCF string consenting to purpose 1 (storage) alone granted advertising
                arguments("consent:\n  sources: [tcf]\n  tcf:\n    purposes:\n      advertising: [1, 3, 4]\n",
                        "r.yaml:11:21: tcf.purposes.advertising is a list of alternatives, each a list of purposes"),
                // no byte of any inline script was read, so no signature rule ever matched
                arguments("html:\n  inline_script_inspect_limit: 0\n",
                        "r.yaml:8:32: inline_script_inspect_limit must be at least 1KiB"),
                // a path-only rule is tried after every '/': this essential rule let every tracker through
                arguments("tags:\n  - {id: site-files, path: /, category: essential}\n",
                        "r.yaml:8:28: tag path '/' matches every URL"),
                // a host matches its subdomains: this essential rule let every .com tracker through
                arguments("tags:\n  - {id: cdn, host: com, category: essential}\n",
                        "r.yaml:8:21: host 'com' is a top-level domain"),
                // every inline script contains a space: this keep rule kept all of them, loaders included
                arguments("tags:\n  - {id: own, signature: \" \", category: essential, action: keep}\n",
                        "r.yaml:8:26: empty signature (or only spaces"),
                // one region "DE, FR, IT" that no request carries: German visitors got the opt-out default
                arguments("consent:\n  regions:\n    header: CF-IPCountry\n    default: opt-out\n    groups:\n"
                                + "      - {name: eea, regions: \"DE, FR, IT\", mode: opt-in}\n",
                        "r.yaml:12:30: region 'DE, FR, IT' can never match"),
                // never matched a cookie's Domain, so _ga was undeclared and kept its two-year lifetime
                arguments("cookies:\n  - {name: _ga, domain: \"https://www.example.com\", category: analytics,"
                                + " retention: 30d}\n",
                        "r.yaml:8:25: cookie domain 'https://www.example.com' can never match"),
                arguments("cookies:\n  - {name: _ga, path: shop, category: analytics}\n",
                        "r.yaml:8:23: cookie path 'shop' must start with '/'"),
                // the rule was dropped without a word
                arguments("cookies:\n  - {name: , category: advertising}\n",
                        "r.yaml:8:6: 'name' in a cookie rule must not be empty"),
                // 0 switched the body's idle 408 off; a header deadline of 0 answered every request 408
                arguments("limits:\n  body_idle_timeout: 0s\n", "r.yaml:8:22: body_idle_timeout must be more than 0"),
                arguments("limits:\n  header_read_timeout: 0s\n",
                        "r.yaml:8:24: header_read_timeout must be more than 0"),
                // 0 would answer every request body 408 at once
                arguments("limits:\n  body_read_timeout: 0s\n", "r.yaml:8:22: body_read_timeout must be more than 0"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void isAnErrorWhereItIsWritten(String yaml, String expected) {
        RulesetException e = assertThrows(RulesetException.class, () -> RulesetLoader.parse("r.yaml", HEAD + yaml));
        List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(expected, problems.get(0).substring(0, Math.min(expected.length(), problems.get(0).length())));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void whatItMeantToSayLoads(String yaml, String expected) throws RulesetException {
        // the same ruleset without the mistake loads: the error is about the mistake, not the rest
        String meant = yaml.replace("[1, 3, 4]", "[[1, 3, 4]]").replace("limit: 0", "limit: 64KiB")
                .replace("path: /,", "path: /js/site.js,").replace("host: com,", "host: cdn.example.com,")
                .replace("signature: \" \"", "signature: \"siteConfig\"").replace("\"DE, FR, IT\"", "[DE, FR, IT]")
                .replace("\"https://www.example.com\"", "www.example.com").replace("path: shop", "path: /shop")
                .replace("name: ,", "name: _fbp,").replace("timeout: 0s", "timeout: 10s");
        RulesetLoader.parse("r.yaml", HEAD + meant);
    }

    @org.junit.jupiter.api.Test
    void anEmptyRoutesListIsAnError() {
        // it loaded, `check` said OK, and the gateway failed after its listeners had started
        RulesetException e = assertThrows(RulesetException.class, () -> RulesetLoader.parse("r.yaml",
                "routes: []\ncategories:\n  essential: {essential: true}\n"));
        assertEquals("r.yaml:1:9: 'routes' is empty: give at least one upstream", e.problems().get(0).toString());
    }
}
