package dev.consentgate.cookie;

import dev.consentgate.testing.SharedCorpus;
import dev.consentgate.config.Category;
import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.UndeclaredCookies;
import dev.consentgate.consent.ConsentDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** Categories, rules and consent values shaped like the seed policy, shared by the cookie tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Map<String, Category> CATEGORIES = categories();
    static final Duration DAYS_30 = Duration.ofDays(30);
    static final Duration DAYS_365 = Duration.ofDays(365);

    private Fixtures() {
    }

    private static Map<String, Category> categories() {
        Map<String, Category> categories = new LinkedHashMap<>();
        categories.put("essential", new Category("essential", "Strictly necessary", true, false));
        categories.put("functionality", new Category("functionality", "Preferences", false, false));
        categories.put("analytics", new Category("analytics", "Analytics", false, true));
        categories.put("advertising", new Category("advertising", "Advertising", false, true));
        return categories;
    }

    static CookieRule rule(String exactName, String category) {
        return rule(NamePattern.exact(exactName), category, Optional.empty());
    }

    static CookieRule rule(String exactName, String category, Duration retention) {
        return rule(NamePattern.exact(exactName), category, Optional.of(retention));
    }

    static CookieRule rule(NamePattern name, String category, Optional<Duration> retention) {
        return new CookieRule(name, Optional.empty(), Optional.empty(), category, retention, "", "", "test:1:1");
    }

    static CookieRule scoped(String exactName, Optional<String> domain, Optional<String> path, String category) {
        return new CookieRule(NamePattern.exact(exactName), domain, path, category, Optional.empty(), "", "",
                "test:1:1");
    }

    /** The seed's cookies plus the usual session, consent and tracker cookies the issue names. */
    static List<CookieRule> seedRules() {
        return List.of(
                rule("userId", "functionality", DAYS_30),
                rule("accept-language", "functionality", DAYS_365),
                rule("KLING_LAST_ACCESS_REGION", "functionality", DAYS_365),
                rule("ktrace-context", "analytics", DAYS_30),
                rule("JSESSIONID", "essential"),
                rule("cg_consent", "essential", Duration.ofDays(182)),
                rule("_ga", "analytics", Duration.ofDays(400)),
                rule(new NamePattern(NamePattern.Kind.PREFIX, "_ga_"), "analytics", Optional.of(Duration.ofDays(400))),
                rule("_fbp", "advertising", Duration.ofDays(90)));
    }

    static CookieClassifier classifier(List<CookieRule> rules) {
        return new CookieClassifier(rules, new UndeclaredCookies(Optional.empty(), false), CATEGORIES);
    }

    static CookiePolicy seedPolicy() {
        return new CookiePolicy(classifier(seedRules()), CLOCK);
    }

    /** Consent granting essential plus the given categories. */
    static ConsentDecision consent(String... nonEssential) {
        Set<String> granted = new HashSet<>(Set.of(nonEssential));
        granted.add("essential");
        return new ConsentDecision(granted, "test", Optional.of("2025-12-16"), false, Optional.empty());
    }

    static ConsentDecision essentialOnly() {
        return consent();
    }

    static ConsentDecision everything() {
        return consent("functionality", "analytics", "advertising");
    }

    /**
     * The deletions of one cookie as the policy writes them: the given (unpartitioned) ones, then each again for the
     * site's partition, Secure and Partitioned.
     */
    static List<String> inBothPartitions(String... unpartitioned) {
        List<String> out = new java.util.ArrayList<>(List.of(unpartitioned));
        for (String deletion : unpartitioned) {
            out.add(deletion + (deletion.endsWith("; Secure") ? "; Partitioned" : "; Secure; Partitioned"));
        }
        return out;
    }

    /** Lists joined in order. */
    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /** ../shared/corpus/DIR, or DIR of another corpus ({@link SharedCorpus}); skips the calling test when absent. */
    static Path corpus(String dir) {
        Path path = SharedCorpus.dir(dir);
        Assumptions.assumeTrue(Files.isDirectory(path),
                SharedCorpus.describe(dir) + " absent: skipping " + dir + " tests");
        return path;
    }
}
