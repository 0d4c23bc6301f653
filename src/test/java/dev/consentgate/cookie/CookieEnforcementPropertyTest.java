package dev.consentgate.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.CookieRule;
import dev.consentgate.config.NamePattern;
import dev.consentgate.config.UndeclaredCookies;
import dev.consentgate.consent.ConsentDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random cookie sets, rules and consent: the upstream never sees a cookie the consent does not allow and sees
 * every allowed one byte for byte and in order; the browser is never sent a Set-Cookie for a name that is not
 * allowed nor a lifetime beyond the classifying rule's retention; withdrawals delete exactly the removed names the
 * response does not set. "Allowed" comes from {@link #oracleAllows}, a plain restatement of the policy in
 * {@link CookieClassifier}'s Javadoc written without its cache, parser or code.
 */
class CookieEnforcementPropertyTest {

    private static final List<String> DECLARED =
            List.of("userId", "_ga", "_ga_XYZ", "JSESSIONID", "sid", "_fbp", "ktrace-context", "_pk_id.1");
    private static final List<String> PREFIXES = List.of("__Secure-", "__SECURE-", "__secure-", "__Host-", "__HOST-");
    private static final List<String> CATEGORY_IDS =
            List.of("essential", "functionality", "analytics", "advertising", "retired");
    private static final String RULE_DOMAIN = "example.com";
    private static final String RULE_PATH = "/app";

    record Scenario(List<CookieRule> rules, UndeclaredCookies undeclared, ConsentDecision consent) {

        CookiePolicy policy() {
            return new CookiePolicy(new CookieClassifier(rules, undeclared, Fixtures.CATEGORIES), Fixtures.CLOCK);
        }
    }

    /** One Cookie header: its pieces (name as generated, raw text) and the separators between them. */
    record Header(List<String> names, List<String> raws, List<String> separators) {

        String text() {
            StringBuilder out = new StringBuilder(separators.get(0));
            for (int i = 0; i < raws.size(); i++) {
                out.append(raws.get(i)).append(separators.get(i + 1));
            }
            return out.toString();
        }
    }

    // ---- properties

    @Property
    void upstreamReceivesExactlyTheAllowedCookiesByteForByte(@ForAll("scenarios") Scenario scenario,
                                                              @ForAll("headers") List<Header> headers) {
        List<String> input = headers.stream().map(Header::text).toList();
        CookiePolicy.RequestFilter filter = scenario.policy().filterRequest(input, scenario.consent());

        List<String> expectedHeaders = new ArrayList<>();
        List<String> expectedRemoved = new ArrayList<>();
        for (Header header : headers) {
            List<String> kept = new ArrayList<>();
            boolean cut = false;
            for (int i = 0; i < header.raws().size(); i++) {
                if (oracleAllows(scenario, header.names().get(i), Optional.empty(), Optional.empty())) {
                    String sent = oracleCut(scenario, header.raws().get(i));
                    cut |= !sent.equals(header.raws().get(i));
                    kept.add(sent);
                } else {
                    expectedRemoved.add(header.names().get(i));
                }
            }
            if (kept.size() == header.raws().size() && !kept.isEmpty() && !cut) {
                expectedHeaders.add(header.text());
            } else if (!kept.isEmpty()) {
                expectedHeaders.add(String.join("; ", kept));
            }
        }
        assertEquals(expectedHeaders, filter.headers());
        assertEquals(expectedRemoved, filter.removed().stream().map(RequestCookie::name).toList());
        for (RequestCookie sent : RequestCookies.parse(filter.headers())) {
            assertTrue(oracleAllows(scenario, sent.name(), Optional.empty(), Optional.empty()), sent::toString);
        }
    }

    /** Readers that split on ',' and spaces see a cookie after them: the piece ends before the first not allowed. */
    /** A pair a reader that splits on ',' and spaces sees, spaces before its '=' allowed (Python's SimpleCookie). */
    private static final Pattern HIDDEN_PAIR = Pattern.compile("[, \t]+([^=, \t]+)[ \t]*=");

    /** The piece as sent upstream: cut before the first cookie hidden in its value that is not allowed. */
    private static String oracleCut(Scenario scenario, String raw) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            return raw;
        }
        String value = raw.substring(eq + 1);
        int lead = 0;
        while (lead < value.length() && (value.charAt(lead) == ' ' || value.charAt(lead) == '\t')) {
            lead++;
        }
        Matcher hidden = HIDDEN_PAIR.matcher(value).region(lead, value.length());
        while (hidden.find()) {
            if (!oracleAllows(scenario, hidden.group(1), Optional.empty(), Optional.empty())) {
                return raw.substring(0, eq + 1 + hidden.start());
            }
        }
        return raw;
    }

    @Property
    void browserNeverReceivesASetCookieThatIsNotAllowed(@ForAll("scenarios") Scenario scenario,
                                                        @ForAll("names") String name,
                                                        @ForAll("values") String value,
                                                        @ForAll("domains") Optional<String> domain,
                                                        @ForAll("paths") Optional<String> path,
                                                        @ForAll("lifetimes") List<String> lifetimes,
                                                        @ForAll("joined") Optional<String> joinedName) {
        StringBuilder field = new StringBuilder(name.isEmpty() ? "x" + value.replace("=", "") : name + "=" + value);
        domain.ifPresent(d -> field.append("; Domain=").append(d));
        path.ifPresent(p -> field.append("; Path=").append(p));
        lifetimes.forEach(l -> field.append("; ").append(l));
        // The joined cookie carries no Domain/Path: a browser would apply them to the first cookie too.
        joinedName.ifPresent(j -> field.append(", ").append(j).append("=1; HttpOnly"));

        Optional<String> out = scenario.policy().enforceSetCookie(field.toString(), scenario.consent());

        Optional<String> cookieDomain = domain.filter(d -> !d.isEmpty());
        boolean allowed = oracleAllows(scenario, name, cookieDomain, path)
                && joinedName.map(j -> oracleAllows(scenario, j, Optional.empty(), Optional.empty())).orElse(true);
        if (out.isPresent()) {
            assertTrue(allowed, () -> "passed but not allowed: " + field);
            oracleRetention(scenario, name, cookieDomain, path)
                    .ifPresent(retention -> assertLifetimeWithin(out.get(), retention));
        } else if (joinedName.isEmpty() && !value.contains(",")) {
            assertTrue(!allowed, () -> "dropped but allowed: " + field);
        }
    }

    @Property
    void withdrawalDeletesExactlyTheRemovedNamesTheResponseDoesNotSet(@ForAll("scenarios") Scenario scenario,
                                                                      @ForAll("headers") List<Header> headers,
                                                                      @ForAll("nameSets") Set<String> setByResponse) {
        CookiePolicy policy = scenario.policy();
        List<RequestCookie> removed =
                policy.filterRequest(headers.stream().map(Header::text).toList(), scenario.consent()).removed();
        List<String> deletions = policy.deletions(removed, setByResponse);

        Set<String> expected = new LinkedHashSet<>();
        removed.forEach(c -> expected.add(c.name()));
        expected.removeAll(setByResponse);
        // one name is deleted in each scope it may be held in: the names, once each
        List<String> deleted = deletions.stream().map(CookiePolicy::setCookieName).distinct().toList();
        assertEquals(List.copyOf(expected), deleted);
        for (String deletion : deletions) {
            assertTrue(deletion.contains("; Max-Age=0; "), deletion);
        }
    }

    // ---- the policy, restated

    private static boolean oracleAllows(Scenario scenario, String name, Optional<String> domain, Optional<String> path) {
        List<CookieRule> deciders = new ArrayList<>(oracleDeciders(scenario, name, domain, path));
        boolean surelyDecided = !deciders.isEmpty() && surely(deciders.get(deciders.size() - 1), domain, path);
        if (!surelyDecided) {
            // rules naming the cookie only in letters of another case decide too (a case-insensitive server)
            deciders.addAll(oracleOtherCaseDeciders(scenario, name, domain, path));
        }
        for (CookieRule rule : deciders) {
            if (!categoryAllows(rule.category(), scenario.consent())) {
                return false;
            }
        }
        if (surelyDecided) {
            return true;
        }
        Optional<String> undeclared = scenario.undeclared().category();
        if (undeclared.isPresent()) {
            return categoryAllows(undeclared.get(), scenario.consent());
        }
        return scenario.consent().granted().containsAll(Set.of("functionality", "analytics", "advertising"));
    }

    private static Optional<Duration> oracleRetention(Scenario scenario, String name, Optional<String> domain,
                                                      Optional<String> path) {
        List<CookieRule> deciders = oracleDeciders(scenario, name, domain, path);
        return deciders.isEmpty() ? Optional.empty() : deciders.get(0).maxRetention();
    }

    /** Rules by name, in order, skipping those whose known scope excludes the cookie, up to one that surely fits. */
    private static List<CookieRule> oracleDeciders(Scenario scenario, String name, Optional<String> domain,
                                                   Optional<String> path) {
        String bare = bareName(name);
        List<CookieRule> deciders = new ArrayList<>();
        for (CookieRule rule : scenario.rules()) {
            if (!rule.name().matches(bare) && !rule.name().matches(name)) {
                continue;
            }
            boolean domainExcludes = rule.domain().isPresent() && domain.isPresent()
                    && !domain.get().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "").matches("(.*\\.)?example\\.com");
            boolean pathExcludes = rule.path().isPresent() && path.isPresent()
                    && !(path.get().equals(RULE_PATH) || path.get().startsWith(RULE_PATH + "/"));
            if (domainExcludes || pathExcludes) {
                continue;
            }
            deciders.add(rule);
            if (surely(rule, domain, path)) {
                break;
            }
        }
        return deciders;
    }

    private static List<CookieRule> oracleOtherCaseDeciders(Scenario scenario, String name, Optional<String> domain,
                                                            Optional<String> path) {
        String bare = bareName(name);
        List<CookieRule> deciders = new ArrayList<>();
        for (CookieRule rule : scenario.rules()) {
            boolean exact = rule.name().matches(bare) || rule.name().matches(name);
            boolean anyCase = rule.name().matchesIgnoringCase(bare) || rule.name().matchesIgnoringCase(name);
            boolean domainExcludes = rule.domain().isPresent() && domain.isPresent()
                    && !domain.get().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "").matches("(.*\\.)?example\\.com");
            boolean pathExcludes = rule.path().isPresent() && path.isPresent()
                    && !(path.get().equals(RULE_PATH) || path.get().startsWith(RULE_PATH + "/"));
            if (!exact && anyCase && !domainExcludes && !pathExcludes) {
                deciders.add(rule);
            }
        }
        return deciders;
    }

    /** The name without a __Host- or __Secure- prefix (any case), as classification reads it. */
    private static String bareName(String name) {
        for (String prefix : List.of("__host-", "__secure-")) {
            if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static boolean surely(CookieRule rule, Optional<String> domain, Optional<String> path) {
        return (rule.domain().isEmpty() || domain.isPresent()) && (rule.path().isEmpty() || path.isPresent());
    }

    private static boolean categoryAllows(String category, ConsentDecision consent) {
        return category.equals("essential") || (Fixtures.CATEGORIES.containsKey(category) && consent.grants(category));
    }

    /** Every Max-Age a reader could take is at most the retention, every Expires no later than now + retention. */
    private static void assertLifetimeWithin(String field, Duration retention) {
        Instant cap = Fixtures.NOW.plus(retention);
        for (String segment : field.split(";")) {
            int eq = segment.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String attribute = segment.substring(0, eq).strip();
            String value = segment.substring(eq + 1).strip();
            if (attribute.equalsIgnoreCase("Max-Age")) {
                Optional<Long> seconds = LifetimeCap.maxAgeSeconds(value.split(",")[0].strip());
                assertTrue(seconds.isPresent() && seconds.get() <= retention.getSeconds(), field);
            } else if (attribute.equalsIgnoreCase("Expires")) {
                Optional<Instant> expires = CookieDate.parse(value);
                assertTrue(expires.isPresent() && !expires.get().isAfter(cap), field);
            }
        }
    }

    // ---- generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<CookieRule>> rules = rule().list().ofMaxSize(8);
        Arbitrary<UndeclaredCookies> undeclared = Arbitraries.of("", "functionality", "essential", "retired")
                .map(c -> new UndeclaredCookies(c.isEmpty() ? Optional.empty() : Optional.of(c), false));
        Arbitrary<ConsentDecision> consent = Arbitraries.of("functionality", "analytics", "advertising", "retired")
                .set().map(granted -> {
                    Set<String> all = new HashSet<>(granted);
                    all.add("essential");
                    return new ConsentDecision(all, "test", Optional.empty(), false, Optional.empty());
                });
        return Combinators.combine(rules, undeclared, consent).as(Scenario::new);
    }

    private Arbitrary<CookieRule> rule() {
        Arbitrary<NamePattern> pattern = Arbitraries.oneOf(
                Arbitraries.of(DECLARED).map(NamePattern::exact),
                Arbitraries.of("_ga_", "_pk_", "__Host-", "s").map(p -> new NamePattern(NamePattern.Kind.PREFIX, p)),
                Arbitraries.of("_h*", "s?d", "*", "_*a*").map(p -> new NamePattern(NamePattern.Kind.GLOB, p)));
        Arbitrary<Optional<Duration>> retention =
                Arbitraries.of(Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(400)).optional(0.6);
        return Combinators.combine(pattern, Arbitraries.of(CATEGORY_IDS), retention,
                        Arbitraries.just(RULE_DOMAIN).optional(0.3), Arbitraries.just(RULE_PATH).optional(0.2))
                .as((name, category, maxRetention, domain, path) ->
                        new CookieRule(name, domain, path, category, maxRetention, "", "", "property"));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> token = Arbitraries.strings().withChars("abcsdhgx_-.AZ019\u00e9").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> prefixed = Combinators.combine(Arbitraries.of(PREFIXES),
                Arbitraries.oneOf(Arbitraries.of(DECLARED), token)).as(String::concat);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(DECLARED)),
                net.jqwik.api.Tuple.of(2, prefixed),
                net.jqwik.api.Tuple.of(3, token),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("ab9=\" ,/\u00ff\u0001").ofMaxLength(6)
                .map(v -> v.strip().isEmpty() ? "v" : v.strip());
    }

    @Provide
    Arbitrary<List<Header>> headers() {
        Arbitrary<String> separator = Arbitraries.of("", " ", "\t ");
        Arbitrary<String[]> piece = Combinators.combine(names(), values(), Arbitraries.of("=", " = ", "=\t"))
                .as((name, value, equals) -> name.isEmpty()
                        ? new String[] {"", ("nameless" + value.replace("=", "")).strip()}
                        : new String[] {name, name + equals + value});
        Arbitrary<Header> header = piece.list().ofMinSize(1).ofMaxSize(6).flatMap(pieces ->
                separator.list().ofSize(pieces.size() + 1).map(spaces -> {
                    List<String> names = pieces.stream().map(p -> p[0]).toList();
                    List<String> raws = pieces.stream().map(p -> p[1]).toList();
                    List<String> separators = new ArrayList<>();
                    for (int i = 0; i <= pieces.size(); i++) {
                        String around = spaces.get(i);
                        separators.add(i == 0 || i == pieces.size() ? around : around + ";" + around);
                    }
                    return new Header(names, raws, separators);
                }));
        return header.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Optional<String>> domains() {
        return Arbitraries.of("example.com", ".EXAMPLE.com", "www.example.com", "other.org", "").optional(0.5);
    }

    @Provide
    Arbitrary<Optional<String>> paths() {
        return Arbitraries.of("/", "/app", "/app/x", "/apple").optional(0.5);
    }

    @Provide
    Arbitrary<List<String>> lifetimes() {
        return Arbitraries.of("Max-Age=60", "max-age=99999999999999999999", "Max-Age=-1", "Max-Age=0", "MAX-AGE=abc",
                "Expires=Thu, 01 Jan 1970 00:00:00 GMT", "expires=Fri, 01-Jan-2100 00:00:00 GMT", "Expires=soon",
                "Secure", "HttpOnly", "SameSite=Lax").list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Optional<String>> joined() {
        return Arbitraries.oneOf(Arbitraries.of(DECLARED), Arbitraries.of("_hjid", "tracker")).optional(0.2);
    }

    @Provide
    Arbitrary<Set<String>> nameSets() {
        return Arbitraries.of(DECLARED).set().ofMaxSize(4);
    }
}
