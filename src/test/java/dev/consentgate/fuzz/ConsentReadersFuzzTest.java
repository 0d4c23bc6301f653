package dev.consentgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.consent.ConsentInput;
import dev.consentgate.consent.ConsentResolver;
import dev.consentgate.consent.ConsentSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Jazzer target for every consent source at once (the gateway's cookie, each CMP's cookie, the TCF string) behind
 * the shipped ruleset's resolver. Replays its seeds in {@code mvn verify}; {@code mvn -Pfuzz test
 * -Dfuzz.target=ConsentReadersFuzzTest} fuzzes it. Invariants: nothing throws; essential is always granted; with
 * {@code Sec-GPC: 1} advertising never is.
 */
class ConsentReadersFuzzTest {

    private static final List<String> COOKIES = List.of("cg_consent", "OptanonConsent", "CookieConsent",
            "cc_cookie", "cookieyes-consent", "cmplz_statistics", "cmplz_marketing", "klaro", "tarteaucitron",
            "didomi_token", "euconsent-v2");

    private static final ConsentResolver RESOLVER = build();

    private static ConsentResolver build() {
        try {
            Ruleset ruleset = RulesetLoader.load(Path.of("config/consentgate.yaml"));
            return ConsentSources.build(ruleset.consent(), ruleset.categories(), name -> null).resolver();
        } catch (Exception e) {
            throw new IllegalStateException("default ruleset", e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyCookieValueGivesADecisionThatKeepsEssentialAndHonoursGpc(FuzzedDataProvider data) {
        String name = COOKIES.get(data.consumeInt(0, COOKIES.size() - 1));
        boolean twice = data.consumeBoolean();
        boolean gpc = data.consumeBoolean();
        String value = data.consumeRemainingAsString();
        List<String> values = twice ? List.of(value, value + "x") : List.of(value);
        ConsentDecision decision = RESOLVER.resolve(new ConsentInput(Map.of(name, values),
                header -> gpc && header.equalsIgnoreCase("sec-gpc") ? List.of("1") : List.of()));
        assertTrue(decision.grants("essential"), decision.toString());
        if (gpc) {
            assertFalse(decision.grants("advertising"), decision.toString());
        }
        if (twice) {
            assertTrue(decision.granted().size() == 1 || !decision.source().equals(sourceOf(name)),
                    "two disagreeing copies must count as absent: " + decision);
        }
    }

    private static String sourceOf(String cookie) {
        return switch (cookie) {
            case "OptanonConsent" -> "onetrust";
            case "CookieConsent" -> "cookiebot";
            case "cookieyes-consent" -> "cookieyes";
            case "cmplz_statistics", "cmplz_marketing" -> "complianz";
            case "didomi_token" -> "didomi";
            case "euconsent-v2" -> "tcf";
            default -> cookie;
        };
    }
}
