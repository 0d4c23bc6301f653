package dev.consentgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.cookie.CookieClassifier;
import dev.consentgate.cookie.CookiePolicy;
import dev.consentgate.cookie.RequestCookie;
import dev.consentgate.cookie.RequestCookies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jazzer targets for the two cookie parsers under the shipped default ruleset. In {@code mvn verify} they replay the
 * seeds in {@code src/test/resources/dev/consentgate/fuzz/CookieParsersFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} they fuzz. Invariants: nothing throws; no cookie the consent does not grant is sent on.
 */
class CookieParsersFuzzTest {

    private static final Ruleset RULESET = load();
    private static final CookieClassifier CLASSIFIER = new CookieClassifier(RULESET.cookieRules(),
            RULESET.undeclared(), RULESET.categories());
    private static final CookiePolicy POLICY = new CookiePolicy(CLASSIFIER,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private static final List<String> CATEGORIES = List.copyOf(new TreeSet<>(RULESET.categories().keySet()));

    private static Ruleset load() {
        try {
            return RulesetLoader.load(Path.of("config/consentgate.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException("default ruleset", e);
        }
    }

    /** Essential categories always, the others as the fuzzer's bits say. */
    private static ConsentDecision consent(int bits) {
        Set<String> granted = new HashSet<>(RULESET.essentialCategories());
        for (int i = 0; i < CATEGORIES.size(); i++) {
            if ((bits & (1 << i)) != 0) {
                granted.add(CATEGORIES.get(i));
            }
        }
        return new ConsentDecision(granted, "fuzz", Optional.empty(), false, Optional.empty());
    }

    private static ConsentDecision everything() {
        return consent(-1);
    }

    @FuzzTest
    void setCookieFieldNeverPassesWithoutItsConsent(FuzzedDataProvider data) {
        ConsentDecision consent = consent(data.consumeInt());
        String field = new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1);
        Optional<String> kept = POLICY.enforceSetCookie(field, consent);
        if (kept.isPresent()) {
            assertEquals(CookiePolicy.setCookieName(field), CookiePolicy.setCookieName(kept.get()),
                    "enforcement renamed the cookie");
            assertTrue(POLICY.enforceSetCookie(field, everything()).isPresent(),
                    "kept under partial consent but dropped under full consent");
            assertEquals(kept, POLICY.enforceSetCookie(kept.get(), consent), "enforcement is not idempotent");
        }
    }

    @FuzzTest
    void cookieHeaderKeepsOnlyGrantedCookies(FuzzedDataProvider data) {
        ConsentDecision consent = consent(data.consumeInt());
        int headers = data.consumeInt(1, 3);
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < headers - 1; i++) {
            values.add(new String(data.consumeBytes(data.consumeInt(0, 200)), StandardCharsets.ISO_8859_1));
        }
        values.add(new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1));

        List<RequestCookie> parsed = RequestCookies.parse(values);
        CookiePolicy.RequestFilter filtered = POLICY.filterRequest(values, consent);
        assertEquals(parsed.size(), filtered.kept().size() + filtered.removed().size(), "a cookie went missing");
        // What the upstream receives, read again by the same parser, holds only granted names.
        for (RequestCookie sent : RequestCookies.parse(filtered.headers())) {
            assertTrue(CLASSIFIER.allows(sent.name(), consent), "non-granted cookie sent upstream: " + sent.name());
        }
    }
}
