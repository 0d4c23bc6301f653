package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.RegionGroup;
import dev.consentgate.config.ConsentSettings.Regions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConsentPropertiesTest {

    private static final List<String> COOKIES = List.of("cg_consent", "OptanonConsent", "CookieConsent", "cc_cookie",
            "cookieyes-consent", "cmplz_statistics", "cmplz_marketing", "klaro", "tarteaucitron", "didomi_token",
            "euconsent-v2", "cg_region");

    private final ConsentSources sources = ConsentSources.build(ConsentSettings.defaults()
            .withSources(List.of("cg_consent", "onetrust", "cookiebot", "cc_cookie", "cookieyes", "complianz",
                    "klaro", "tarteaucitron", "didomi", "tcf"))
            .withRegions(new Regions(Optional.of("CF-IPCountry"), Optional.of("cg_region"), DefaultMode.OPT_IN,
                    List.of(new RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT)))),
            Fixtures.categories(), name -> null);

    /** Hostile strings: arbitrary text, and text built from the characters the formats care about. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> syntax = Arbitraries.strings().withChars("{}[]:,'\"\\%=&!+-.1_aeAC0tfrue-")
                .ofMaxLength(300);
        Arbitrary<String> prefixed = Combinators.combine(
                Arbitraries.of("{", "{\"categories\":[", "groups=C0002%3A", "!a=", "2025-12-16:", "CQ", "%7B",
                        "consent:yes,analytics:", "eyJwdXJwb3NlcyI6"), syntax).as(String::concat);
        Arbitrary<String> huge = Arbitraries.strings().withChars("[{a").ofMinLength(4000).ofMaxLength(20_000);
        return Arbitraries.oneOf(any, syntax, prefixed, huge);
    }

    @Provide
    Arbitrary<ConsentInput> requests() {
        Arbitrary<Map<String, String>> cookies = Arbitraries.maps(Arbitraries.of(COOKIES), hostile()).ofMaxSize(4);
        Arbitrary<String> gpc = Arbitraries.of("1", "0", " 1", "", "true", "11");
        Arbitrary<String> region = Arbitraries.of("US", "DE", "us", "XX", "", "T1", "U S");
        return Combinators.combine(cookies, gpc.list().ofMaxSize(2), region).as((c, g, r) -> {
            Inputs in = Inputs.request();
            c.forEach(in::withCookie);
            g.forEach(v -> in.withHeader("Sec-GPC", v));
            in.withHeader("CF-IPCountry", r);
            return in.build();
        });
    }

    @Property(tries = 300)
    void noReaderThrowsOnArbitraryValues(@ForAll("hostile") String value) {
        ConsentSources all = sources;
        for (String cookie : COOKIES) {
            ConsentInput one = Inputs.cookie(cookie, value);
            ConsentInput two = Inputs.request().withCookie(cookie, value).withCookie(cookie, value + "x").build();
            assertNotNull(all.resolver().resolve(one));
            assertNotNull(all.resolver().resolve(two));
        }
    }

    @Property(tries = 300)
    void everyReaderAnswersWithoutThrowing(@ForAll("hostile") String value) {
        List<ConsentReader> readers = List.of(
                new NativeConsentReader("cg_consent", Fixtures.categories().keySet(),
                        Optional.of(new ConsentSigner("0123456789abcdef"))),
                new OneTrustReader(ConsentSettings.SourceMaps.defaults().onetrustGroups()),
                new CookiebotReader(Map.of("statistics", "analytics"), ConsentSettings.CookiebotNoConsent.ALL,
                        Set.of("analytics")),
                new CcCookieReader(Map.of("analytics", "analytics"), OptionalLong.empty()),
                new CookieYesReader(Map.of("analytics", "analytics")),
                new KlaroReader(Map.of("ga", "analytics")),
                new TarteaucitronReader(Map.of("gtag", "analytics")),
                new DidomiReader(new PurposeRules(ConsentSettings.Tcf.defaults()), Map.of()),
                new TcfReader(new PurposeRules(ConsentSettings.Tcf.defaults())));
        for (ConsentReader reader : readers) {
            String cookie = ((SingleCookieReader) reader).cookieName();
            assertNotNull(reader.read(Inputs.cookie(cookie, value)), reader.id());
        }
        assertNotNull(new ComplianzReader(Map.of("cmplz_statistics", "analytics"))
                .read(Inputs.cookie("cmplz_statistics", value)));
    }

    @Property(tries = 500)
    void essentialIsAlwaysGrantedAndGpcAlwaysDeniesItsCategories(@ForAll("requests") ConsentInput input) {
        ConsentDecision d = sources.resolver().resolve(input);
        assertTrue(d.granted().contains("essential"));
        assertTrue(Fixtures.categories().keySet().containsAll(d.granted()));
        boolean gpc = input.header("Sec-GPC").stream().anyMatch(v -> v.strip().equals("1"));
        if (gpc) {
            assertTrue(d.gpc());
            for (Category c : Fixtures.categories().values()) {
                if (c.gpcOptOut()) {
                    assertFalse(d.grants(c.id()), c.id());
                }
            }
        }
    }
}
