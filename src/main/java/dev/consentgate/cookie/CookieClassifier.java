package dev.consentgate.cookie;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.consentgate.config.Category;
import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.UndeclaredCookies;
import dev.consentgate.consent.ConsentDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which rule covers a cookie and whether a visitor's consent lets it pass.
 *
 * <p>Choices:
 * <ul>
 *   <li>Names are matched case-sensitively, as the rules' patterns are. A leading {@code __Secure-},
 *       {@code __Host-}, {@code __Http-} or {@code __Host-Http-} (any case) is stripped for classification, so
 *       "__Secure-_ga" is judged as "_ga"; a rule that spells the prefixed name out matches too. Rules are tried
 *       in declaration order.</li>
 *   <li>A rule with a domain or path only matches a cookie whose Domain / Path is known and inside it (domain:
 *       equal or a subdomain, leading dots, a trailing dot and case ignored; path: RFC 6265 path-match). Where
 *       the scope is not known (request cookies, a Set-Cookie without Domain or Path, or with a Domain the gateway
 *       cannot read as Chromium does) such a rule <em>may</em> decide, and so may every later rule up to the first
 *       one that surely matches (or, when none does, the undeclared treatment): the cookie passes only when all of
 *       them allow it. Unknown scope never widens what passes.</li>
 *   <li>A rule whose category the ruleset does not define never allows. Essential categories always allow.</li>
 *   <li>Undeclared cookies (nameless ones included) follow {@link UndeclaredCookies}: their configured category,
 *       or by default only when every non-essential category is granted. Each undeclared name is logged once, at
 *       most {@link UndeclaredCookieLog#MAX_NAMES} names.</li>
 *   <li>The rules matching a name are cached in a Caffeine cache of at most {@link #CACHE_SIZE} names; names
 *       longer than {@link #MAX_CACHED_NAME} characters are never cached, so hostile names cost time, not
 *       memory.</li>
 * </ul>
 * Thread-safe; nothing here throws on hostile names.
 */
public final class CookieClassifier {

    static final int CACHE_SIZE = 10_000;
    static final int MAX_CACHED_NAME = 256;

    private final List<CookieRule> rules;
    private final UndeclaredCookies undeclared;
    private final Map<String, Category> categories;
    private final Cache<String, NameMatches> rulesByName;
    private final UndeclaredCookieLog undeclaredLog = new UndeclaredCookieLog();

    public CookieClassifier(List<CookieRule> rules, UndeclaredCookies undeclared, Map<String, Category> categories) {
        this.rules = List.copyOf(rules);
        this.undeclared = undeclared;
        this.categories = Map.copyOf(categories);
        // Maintenance on the calling thread: no background work, and the bound holds when a call returns.
        this.rulesByName = Caffeine.newBuilder().maximumSize(CACHE_SIZE).executor(Runnable::run).build();
    }

    /**
     * What classification found for one cookie: the rules that may decide (in order; more than one only when the
     * cookie's Domain/Path is unknown and the first ones narrow by it) and whether the undeclared treatment may.
     */
    record Classification(List<CookieRule> deciders, boolean undeclaredPossible) {

        Optional<CookieRule> firstRule() {
            return deciders.isEmpty() ? Optional.empty() : Optional.of(deciders.get(0));
        }

        /** The shortest declared retention among the deciders, empty when none declares one. */
        Optional<Duration> retention() {
            return deciders.stream().map(CookieRule::maxRetention).flatMap(Optional::stream)
                    .min(Duration::compareTo);
        }
    }

    /** First rule covering the name, ignoring domain/path narrowing (the scope is unknown). */
    public Optional<CookieRule> ruleFor(String name) {
        return classify(name, Optional.empty(), Optional.empty()).firstRule();
    }

    /** Every rule naming the cookie, exactly or in letters of another case, in ruleset order. */
    public List<CookieRule> rulesNaming(String name) {
        NameMatches matches = rulesMatchingName(name);
        List<CookieRule> all = new ArrayList<>(matches.exact());
        all.addAll(matches.otherCase());
        return all;
    }

    /** The names the rules give exactly (not by a prefix or a pattern), once each, in ruleset order. */
    public List<String> exactNames() {
        return rules.stream().filter(rule -> rule.name().kind() == NamePattern.Kind.EXACT)
                .map(rule -> rule.name().pattern()).distinct().toList();
    }

    /** First rule covering the cookie; domain and path are its Domain/Path attributes when known. */
    public Optional<CookieRule> ruleFor(String name, Optional<String> domain, Optional<String> path) {
        return classify(name, domain, path).firstRule();
    }

    /** Is this cookie, of unknown domain and path (a request cookie), allowed under this consent? */
    public boolean allows(String name, ConsentDecision consent) {
        return allows(name, classify(name, Optional.empty(), Optional.empty()), consent);
    }

    /** Is this cookie allowed under this consent? Domain and path are its Domain/Path attributes when known. */
    public boolean allows(String name, Optional<String> domain, Optional<String> path, ConsentDecision consent) {
        return allows(name, classify(name, domain, path), consent);
    }

    boolean allows(String name, Classification classification, ConsentDecision consent) {
        for (CookieRule rule : classification.deciders()) {
            if (!categoryAllows(rule.category(), consent)) {
                return false;
            }
        }
        if (classification.undeclaredPossible()) {
            if (undeclared.log()) {
                undeclaredLog.record(name);
            }
            return undeclaredAllows(consent);
        }
        return true;
    }

    Classification classify(String name, Optional<String> domain, Optional<String> path) {
        Optional<String> cookieDomain = domain.map(CookieClassifier::normalizeDomain).filter(d -> !d.isEmpty());
        List<CookieRule> deciders = new ArrayList<>(1);
        NameMatches matches = rulesMatchingName(name);
        for (CookieRule rule : matches.exact()) {
            Scope scope = scopeMatch(rule, cookieDomain, path);
            if (scope == Scope.NO) {
                continue;
            }
            deciders.add(rule);
            if (scope == Scope.YES) {
                return new Classification(Collections.unmodifiableList(deciders), false);
            }
        }
        // a server that reads names in any case takes "_GA" for the declared "_ga": that rule decides too, beside
        // the treatment of undeclared cookies (fail closed)
        for (CookieRule rule : matches.otherCase()) {
            if (scopeMatch(rule, cookieDomain, path) != Scope.NO) {
                deciders.add(rule);
            }
        }
        return new Classification(Collections.unmodifiableList(deciders), true);
    }

    /** The rules naming a cookie exactly, and those that name it only with letters of another case. */
    private record NameMatches(List<CookieRule> exact, List<CookieRule> otherCase) {
    }

    private NameMatches rulesMatchingName(String name) {
        if (name.length() > MAX_CACHED_NAME) {
            return computeRulesMatchingName(name);
        }
        return rulesByName.get(name, this::computeRulesMatchingName);
    }

    private NameMatches computeRulesMatchingName(String name) {
        String stripped = CookiePrefix.of(name).strip(name);
        List<CookieRule> matching = new ArrayList<>(1);
        List<CookieRule> otherCase = new ArrayList<>(0);
        for (CookieRule rule : rules) {
            if (rule.name().matches(stripped) || rule.name().matches(name)) {
                matching.add(rule);
            } else if (rule.name().matchesIgnoringCase(stripped) || rule.name().matchesIgnoringCase(name)) {
                otherCase.add(rule);
            }
        }
        return new NameMatches(List.copyOf(matching), List.copyOf(otherCase));
    }

    private enum Scope { YES, MAYBE, NO }

    private static Scope scopeMatch(CookieRule rule, Optional<String> domain, Optional<String> path) {
        Scope result = Scope.YES;
        Optional<String> ruleDomain = rule.domain().map(CookieClassifier::normalizeDomain).filter(d -> !d.isEmpty());
        if (ruleDomain.isPresent()) {
            if (domain.isEmpty()) {
                result = Scope.MAYBE;
            } else if (!domainMatches(domain.get(), ruleDomain.get())) {
                return Scope.NO;
            }
        }
        Optional<String> rulePath = rule.path().filter(p -> !p.isEmpty());
        if (rulePath.isPresent()) {
            if (path.isEmpty()) {
                result = Scope.MAYBE;
            } else if (!pathMatches(path.get(), rulePath.get())) {
                return Scope.NO;
            }
        }
        return result;
    }

    /** A domain as scopes are compared: no leading '.', lower-case, and no trailing '.' ({@link CookieDomain}). */
    static String normalizeDomain(String domain) {
        String trimmed = domain.startsWith(".") ? domain.substring(1) : domain;
        return CookieDomain.withoutTrailingDot(trimmed.toLowerCase(Locale.ROOT));
    }

    /** The cookie's domain is the rule's domain or one of its subdomains. */
    private static boolean domainMatches(String cookieDomain, String ruleDomain) {
        return cookieDomain.equals(ruleDomain) || cookieDomain.endsWith("." + ruleDomain);
    }

    /** RFC 6265 section 5.1.4 path-match of the cookie's path against the rule's. */
    private static boolean pathMatches(String cookiePath, String rulePath) {
        if (cookiePath.equals(rulePath)) {
            return true;
        }
        return cookiePath.startsWith(rulePath)
                && (rulePath.endsWith("/") || cookiePath.charAt(rulePath.length()) == '/');
    }

    private boolean categoryAllows(String categoryId, ConsentDecision consent) {
        Category category = categories.get(categoryId);
        if (category == null) {
            return false;
        }
        return category.essential() || consent.grants(categoryId);
    }

    private boolean undeclaredAllows(ConsentDecision consent) {
        if (undeclared.category().isPresent()) {
            return categoryAllows(undeclared.category().get(), consent);
        }
        for (Category category : categories.values()) {
            if (!category.essential() && !consent.grants(category.id())) {
                return false;
            }
        }
        return true;
    }

    /** Names currently cached (for tests of the bound). */
    long cachedNames() {
        rulesByName.cleanUp();
        return rulesByName.estimatedSize();
    }
}
