package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.PolicyRevision;
import dev.consentgate.config.ConsentSettings.RegionGroup;
import dev.consentgate.config.ConsentSettings.Regions;
import dev.consentgate.config.ConsentSettings.SourceMaps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentResolverTest {

    private static final List<PolicyRevision> HISTORY = List.of(new PolicyRevision("2025-01-10", true),
            new PolicyRevision("2025-06-01", true), new PolicyRevision("2025-09-01", false),
            new PolicyRevision("2025-12-16", false));
    private static final Regions REGIONS = new Regions(Optional.of("CF-IPCountry"), Optional.of("cg_region"),
            DefaultMode.OPT_IN, List.of(new RegionGroup("eu", Set.of("DE", "FR"), DefaultMode.OPT_IN),
            new RegionGroup("us", Set.of("US", "US-TX"), DefaultMode.OPT_OUT)));
    private static final Set<String> ALL = Set.of("essential", "functionality", "analytics", "advertising");

    private final ConsentResolver resolver = new ConsentResolver(List.of(
            new NativeConsentReader("cg_consent", Fixtures.categories().keySet()),
            new OneTrustReader(SourceMaps.defaults().onetrustGroups()),
            new CookieYesReader(SourceMaps.defaults().cookieyes())),
            Fixtures.categories(), HISTORY, REGIONS);

    private static final String ONETRUST_ANALYTICS = OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A1%2CC0004%3A0");

    @Test
    void withoutAnyAnswerOnlyEssentialIsGranted() {
        ConsentDecision d = resolver.resolve(Inputs.none());
        assertEquals(Set.of("essential"), d.granted());
        assertEquals("default", d.source());
        assertFalse(d.answered());
        assertEquals(Optional.empty(), d.revision());
    }

    @Test
    void theFirstPresentSourceDecides() {
        ConsentDecision d = resolver.resolve(Inputs.request().withCookie("cg_consent", "2025-12-16:advertising")
                .withCookie("OptanonConsent", ONETRUST_ANALYTICS).build());
        assertEquals(Set.of("essential", "advertising"), d.granted());
        assertEquals("cg_consent", d.source());
        assertEquals(Optional.of("2025-12-16"), d.revision());
    }

    @Test
    void aMalformedSourceIsSkippedCountedAndTheNextDecides() {
        ConsentDecision d = resolver.resolve(Inputs.request().withCookie("cg_consent", "garbage")
                .withCookie("OptanonConsent", ONETRUST_ANALYTICS).build());
        assertEquals(Set.of("essential", "analytics"), d.granted());
        assertEquals("onetrust", d.source());
        assertEquals(1, resolver.malformedCount("cg_consent"));
        assertEquals(0, resolver.malformedCount("onetrust"));
        resolver.resolve(Inputs.cookie("cg_consent", "more garbage"));
        assertEquals(Map.of("cg_consent", 2L, "onetrust", 0L, "cookieyes", 0L), resolver.malformedCounts());
    }

    @Test
    void aSourceWithoutRevisionIsTakenAsCurrent() {
        assertEquals(Optional.of("2025-12-16"), resolver.resolve(Inputs.cookie("OptanonConsent",
                ONETRUST_ANALYTICS)).revision());
    }

    @Test
    void consentUnderANonMaterialOlderRevisionIsKept() {
        ConsentDecision d = resolver.resolve(Inputs.cookie("cg_consent", "2025-09-01:analytics"));
        assertEquals(Set.of("essential", "analytics"), d.granted());
        assertTrue(d.answered());
        ConsentDecision lastMaterial = resolver.resolve(Inputs.cookie("cg_consent", "2025-06-01:analytics"));
        assertEquals(Set.of("essential", "analytics"), lastMaterial.granted());
    }

    @Test
    void consentBeforeTheLastMaterialRevisionCountsAsNone() {
        ConsentDecision d = resolver.resolve(Inputs.request().withCookie("cg_consent", "2025-01-10:analytics")
                .withCookie("OptanonConsent", ONETRUST_ANALYTICS).build());
        assertEquals(Set.of("essential"), d.granted());
        assertFalse(d.answered());
    }

    @Test
    void aRevisionTheHistoryDoesNotKnowCountsAsNone() {
        assertEquals(Set.of("essential"), resolver.resolve(Inputs.cookie("cg_consent", "2026-01-01:analytics"))
                .granted());
    }

    @Test
    void staleConsentInAnOptOutRegionKeepsItsRefusals() {
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("cg_consent", "2025-01-10:analytics").build());
        assertEquals(Set.of("essential", "analytics"), d.granted());
        assertFalse(d.answered());
    }

    @Test
    void optOutRegionsGrantAllBeforeTheVisitorAnswers() {
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "us").build());
        assertEquals(ALL, d.granted());
        assertEquals(Optional.of("US"), d.region());
        assertEquals("default", d.source());
    }

    @Test
    void optOutRegionsStillHonourRefusals() {
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("cg_consent", "2025-12-16:").build());
        assertEquals(Set.of("essential"), d.granted());
    }

    @Test
    void optInRegionsAndUnknownRegionsAreEssentialOnly() {
        assertEquals(Set.of("essential"), resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "DE")
                .build()).granted());
        assertEquals(Set.of("essential"), resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "JP")
                .build()).granted());
        assertEquals(Set.of("essential"), resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "U S")
                .build()).granted());
    }

    @Test
    void regionComesFromTheCookieWhenTheHeaderIsMissing() {
        ConsentDecision d = resolver.resolve(Inputs.request().withCookie("cg_region", "US-TX").build());
        assertEquals(ALL, d.granted());
        assertEquals(Optional.of("US-TX"), d.region());
        ConsentDecision header = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "DE")
                .withCookie("cg_region", "US").build());
        assertEquals(Optional.of("DE"), header.region());
        assertEquals(Set.of("essential"), header.granted());
    }

    @Test
    void disagreeingRegionHeadersMeanUnknownRegion() {
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withHeader("CF-IPCountry", "DE").build());
        assertEquals(Optional.empty(), d.region());
        assertEquals(Set.of("essential"), d.granted());
    }

    @Test
    void gpcDeniesAdvertisingWhateverTheCookieSays() {
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("Sec-GPC", "1")
                .withCookie("cg_consent", "2025-12-16:advertising+analytics").build());
        assertEquals(Set.of("essential", "analytics"), d.granted());
        assertTrue(d.gpc());
    }

    @Test
    void gpcAppliesToOptOutDefaults() {
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("Sec-GPC", "1")
                .withHeader("CF-IPCountry", "US").build());
        assertEquals(Set.of("essential", "functionality", "analytics"), d.granted());
    }

    @Test
    void gpcNeedsExactlyOneAndAnyCopyEqualToOneCounts() {
        String all = "2025-12-16:advertising+analytics+functionality";
        assertTrue(resolver.resolve(Inputs.request().withHeader("Sec-GPC", "0").withHeader("Sec-GPC", "1")
                .withCookie("cg_consent", all).build()).gpc());
        assertTrue(resolver.resolve(Inputs.request().withHeader("Sec-GPC", " 1\t").build()).gpc());
        for (String notGpc : List.of("0", "true", "yes", "1, 1", "01", "", "１")) {
            ConsentDecision d = resolver.resolve(Inputs.request().withHeader("Sec-GPC", notGpc)
                    .withCookie("cg_consent", all).build());
            assertFalse(d.gpc(), notGpc);
            assertTrue(d.grants("advertising"), notGpc);
        }
    }

    @Test
    void onlyTheRulesetsCategoriesAreGranted() {
        ConsentResolver permissive = new ConsentResolver(List.of(new CookieYesReader(Map.of("analytics",
                "tracking"))), Fixtures.categories(), HISTORY, REGIONS);
        assertEquals(Set.of("essential"), permissive.resolve(Inputs.cookie("cookieyes-consent", "analytics:yes"))
                .granted());
    }

    @Test
    void aReaderThatThrowsCountsAsMalformed() {
        ConsentReader broken = new ConsentReader() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public SourceResult read(ConsentInput input) {
                throw new IllegalStateException("bug");
            }
        };
        ConsentResolver withBroken = new ConsentResolver(List.of(broken), Fixtures.categories(), HISTORY, REGIONS);
        assertEquals(Set.of("essential"), withBroken.resolve(Inputs.none()).granted());
        assertEquals(1, withBroken.malformedCount("broken"));
    }
}
