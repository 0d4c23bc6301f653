package dev.consentgate.cookie;

import static dev.consentgate.cookie.Fixtures.CATEGORIES;
import static dev.consentgate.cookie.Fixtures.consent;
import static dev.consentgate.cookie.Fixtures.essentialOnly;
import static dev.consentgate.cookie.Fixtures.everything;
import static dev.consentgate.cookie.Fixtures.rule;
import static dev.consentgate.cookie.Fixtures.scoped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.UndeclaredCookies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieClassifierTest {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void firstMatchingRuleWins() {
        CookieRule exact = rule("_ga", "analytics");
        CookieRule glob = rule(new NamePattern(NamePattern.Kind.GLOB, "_g*"), "advertising", Optional.empty());
        assertEquals(Optional.of(exact), Fixtures.classifier(List.of(exact, glob)).ruleFor("_ga"));
        assertEquals(Optional.of(glob), Fixtures.classifier(List.of(glob, exact)).ruleFor("_ga"));
    }

    @Test
    void aNameInAnotherCaseIsJudgedByTheRuleToo() {
        // browsers keep "_GA" and "_ga" apart, but a case-insensitive server (ASP.NET's cookie collection) reads one
        // for the other: the rule decides too (fail closed)
        CookieRule ga = rule("_ga", "analytics");
        assertEquals(Optional.of(ga), Fixtures.classifier(List.of(ga)).ruleFor("_GA"));
    }

    @Test
    void securePrefixIsStrippedInAnyCase() {
        CookieRule ga = rule("_ga", "analytics");
        CookieClassifier classifier = Fixtures.classifier(List.of(ga));
        assertEquals(Optional.of(ga), classifier.ruleFor("__Secure-_ga"));
        assertEquals(Optional.of(ga), classifier.ruleFor("__SECURE-_ga"));
        assertEquals(Optional.of(ga), classifier.ruleFor("__host-_ga"));
    }

    @Test
    void onlyOnePrefixIsStripped() {
        assertEquals(Optional.empty(),
                Fixtures.classifier(List.of(rule("_ga", "analytics"))).ruleFor("__Secure-__Host-_ga"));
    }

    @Test
    void ruleNamingThePrefixedNameMatchesToo() {
        CookieRule host = rule("__Host-sid", "essential");
        assertEquals(Optional.of(host), Fixtures.classifier(List.of(host)).ruleFor("__Host-sid"));
    }

    @Test
    void grantedCategoryAllows() {
        CookieClassifier classifier = Fixtures.classifier(List.of(rule("_ga", "analytics")));
        assertTrue(classifier.allows("_ga", consent("analytics")));
        assertFalse(classifier.allows("_ga", consent("functionality")));
    }

    @Test
    void essentialCategoryAlwaysAllows() {
        assertTrue(Fixtures.classifier(List.of(rule("JSESSIONID", "essential"))).allows("JSESSIONID", essentialOnly()));
    }

    @Test
    void unknownCategoryNeverAllowsEvenWhenConsentNamesIt() {
        CookieClassifier classifier = Fixtures.classifier(List.of(rule("x", "mystery")));
        assertFalse(classifier.allows("x", consent("mystery", "functionality", "analytics", "advertising")));
    }

    @Test
    void undeclaredNeedsEveryNonEssentialCategoryByDefault() {
        CookieClassifier classifier = Fixtures.classifier(List.of());
        assertFalse(classifier.allows("unknown", consent("functionality", "analytics")));
        assertTrue(classifier.allows("unknown", everything()));
    }

    @Test
    void undeclaredFollowsConfiguredCategory() {
        CookieClassifier classifier =
                new CookieClassifier(List.of(), new UndeclaredCookies(Optional.of("functionality"), false), CATEGORIES);
        assertTrue(classifier.allows("unknown", consent("functionality")));
        assertFalse(classifier.allows("unknown", consent("analytics", "advertising")));
    }

    @Test
    void undeclaredWithUnknownConfiguredCategoryNeverPasses() {
        CookieClassifier classifier =
                new CookieClassifier(List.of(), new UndeclaredCookies(Optional.of("nope"), true), CATEGORIES);
        assertFalse(classifier.allows("unknown", everything()));
    }

    @Test
    void namelessCookieIsUndeclared() {
        CookieClassifier classifier = Fixtures.classifier(List.of(rule("a", "essential")));
        assertFalse(classifier.allows("", essentialOnly()));
        assertTrue(classifier.allows("", everything()));
    }

    @Test
    void domainRuleMatchesItsDomainAndSubdomains() {
        CookieRule rule = scoped("sid", Optional.of(".Example.com"), NONE, "essential");
        CookieClassifier classifier = Fixtures.classifier(List.of(rule));
        assertEquals(Optional.of(rule), classifier.ruleFor("sid", Optional.of("example.com"), NONE));
        assertEquals(Optional.of(rule), classifier.ruleFor("sid", Optional.of(".WWW.example.com"), NONE));
        assertEquals(Optional.empty(), classifier.ruleFor("sid", Optional.of("badexample.com"), NONE));
    }

    @Test
    void pathRuleUsesPathMatch() {
        CookieRule rule = scoped("sid", NONE, Optional.of("/app"), "essential");
        CookieClassifier classifier = Fixtures.classifier(List.of(rule));
        assertEquals(Optional.of(rule), classifier.ruleFor("sid", NONE, Optional.of("/app/x")));
        assertEquals(Optional.empty(), classifier.ruleFor("sid", NONE, Optional.of("/apple")));
    }

    @Test
    void knownScopeOutsideRuleFallsThroughToLaterRule() {
        CookieRule narrow = scoped("sid", Optional.of("example.com"), NONE, "essential");
        CookieRule broad = rule("sid", "advertising");
        CookieClassifier classifier = Fixtures.classifier(List.of(narrow, broad));
        assertTrue(classifier.allows("sid", Optional.of("example.com"), NONE, essentialOnly()));
        assertFalse(classifier.allows("sid", Optional.of("tracker.net"), NONE, essentialOnly()));
    }

    @Test
    void unknownScopePassesOnlyWhenEveryPossibleRuleAllows() {
        CookieRule narrow = scoped("sid", Optional.of("example.com"), NONE, "essential");
        CookieRule broad = rule("sid", "advertising");
        CookieClassifier classifier = Fixtures.classifier(List.of(narrow, broad));
        assertFalse(classifier.allows("sid", essentialOnly()));
        assertTrue(classifier.allows("sid", consent("advertising")));
        assertEquals(Optional.of(narrow), classifier.ruleFor("sid"));
    }

    @Test
    void unknownScopeWithOnlyNarrowRulesAlsoNeedsTheUndeclaredTreatment() {
        CookieClassifier classifier =
                Fixtures.classifier(List.of(scoped("sid", Optional.of("example.com"), NONE, "essential")));
        assertFalse(classifier.allows("sid", essentialOnly()));
        assertTrue(classifier.allows("sid", Optional.of("example.com"), NONE, essentialOnly()));
    }

    @Test
    void hostileNamesCannotGrowTheCache() {
        CookieClassifier classifier = Fixtures.classifier(List.of(rule("_ga", "analytics")));
        for (int i = 0; i < CookieClassifier.CACHE_SIZE * 2; i++) {
            classifier.allows("n" + i, essentialOnly());
        }
        classifier.allows("x".repeat(CookieClassifier.MAX_CACHED_NAME + 1), essentialOnly());
        assertTrue(classifier.cachedNames() <= CookieClassifier.CACHE_SIZE, "cache size " + classifier.cachedNames());
    }

    @Test
    void veryLongNamesAreStillClassified() {
        String name = "_ga_" + "x".repeat(100_000);
        CookieClassifier classifier = Fixtures.classifier(Fixtures.seedRules());
        assertTrue(classifier.allows(name, consent("analytics")));
        assertFalse(classifier.allows(name, essentialOnly()));
    }
}
