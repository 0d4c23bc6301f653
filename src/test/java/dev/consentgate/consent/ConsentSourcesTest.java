package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.Banner;
import dev.consentgate.config.ConsentSettings.RecordLog;
import dev.consentgate.config.ConsentSettings.Tcf;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.RulesetLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentSourcesTest {

    private static final List<String> ALL_SOURCES = List.of("cg_consent", "onetrust", "cookiebot", "cc_cookie",
            "cookieyes", "complianz", "klaro", "tarteaucitron", "didomi", "tcf");
    private static final Map<String, String> NO_ENV = Map.of();

    private static ConsentSources build(ConsentSettings settings, Map<String, String> env) {
        return ConsentSources.build(settings, Fixtures.categories(), env::get);
    }

    private final ConsentSources every = build(ConsentSettings.defaults().withSources(ALL_SOURCES), NO_ENV);

    private ConsentDecision resolve(String cookie, String value, boolean gpc) {
        Inputs in = Inputs.request().withCookie(cookie, value);
        if (gpc) {
            in.withHeader("Sec-GPC", "1");
        }
        return every.resolver().resolve(in.build());
    }

    @Test
    void buildsReadersInConfiguredOrder() {
        assertEquals(ALL_SOURCES, every.sourceIds());
        assertEquals(List.of("tcf", "onetrust"),
                build(ConsentSettings.defaults().withSources(List.of("tcf", "onetrust")), NO_ENV).sourceIds());
    }

    @Test
    void theIssuesDoneWhenCasesThroughTheDefaultSettings() {
        record Case(String cookie, String value, Set<String> granted) {
        }
        List<Case> cases = List.of(
                new Case("OptanonConsent", OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0"),
                        Set.of("essential", "analytics")),
                new Case("CookieConsent", CookiebotReaderTest.cookieConsent(false, true, false),
                        Set.of("essential", "analytics")),
                new Case("cc_cookie", CmpJsonReadersTest.ccCookie("\"necessary\",\"analytics\""),
                        Set.of("essential", "analytics")),
                new Case("cookieyes-consent", "consentid:abc,consent:yes,action:yes,necessary:yes,functional:no,"
                        + "analytics:yes,performance:no,advertisement:no,other:no", Set.of("essential", "analytics")),
                new Case("euconsent-v2", TcfEncoder.core(880, TcfReaderTest.purposes(1, 11), "DE")
                        .vendorBitfield(4, Set.of(1, 2, 3, 4)).encode(),
                        Set.of("essential", "analytics", "advertising")),
                new Case("OptanonConsent", OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1"),
                        Set.of("essential", "analytics", "functionality", "advertising")));
        for (Case c : cases) {
            ConsentDecision d = resolve(c.cookie(), c.value(), false);
            assertEquals(c.granted(), d.granted(), c.cookie());
            assertEquals(Optional.of("2025-12-16"), d.revision(), c.cookie());
            ConsentDecision withGpc = resolve(c.cookie(), c.value(), true);
            Set<String> expected = new java.util.HashSet<>(c.granted());
            expected.remove("advertising");
            assertEquals(expected, withGpc.granted(), c.cookie() + " with Sec-GPC: 1");
        }
    }

    @Test
    void theShippedRulesetReadsOneTrustsCurrentAndOlderGroupIds() throws Exception {
        Ruleset shipped = RulesetLoader.load(Path.of("config/consentgate.yaml"));
        ConsentResolver resolver = ConsentSources.build(shipped.consent(), shipped.categories(), NO_ENV::get)
                .resolver();
        for (String groups : List.of("C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A1", "1%3A1%2C2%3A1%2C3%3A0%2C4%3A1")) {
            ConsentDecision d = resolver.resolve(Inputs.request()
                    .withCookie("OptanonConsent", OneTrustReaderTest.optanon(groups)).build());
            assertEquals(Set.of("essential", "analytics", "advertising"), d.granted(), groups);
            assertEquals("onetrust", d.source(), groups);
        }
    }

    @Test
    void decisionJsonOfAOneTrustVisitor() {
        ConsentDecision d = resolve("OptanonConsent", OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A1"), false);
        assertEquals("{\"granted\":[\"essential\",\"analytics\"],\"source\":\"onetrust\",\"revision\":\"2025-12-16\","
                + "\"gpc\":false,\"region\":null}", every.decisionJson(d));
    }

    @Test
    void signsWithTheSecretFromTheNamedEnvironmentVariable() {
        ConsentSettings settings = ConsentSettings.defaults().withSecretEnv(Optional.of("CG_SECRET"));
        ConsentSources signed = build(settings, Map.of("CG_SECRET", "0123456789abcdef0123"));
        String setCookie = signed.cookieWriter().setCookie(Set.of("analytics"), true);
        String value = setCookie.substring("cg_consent=".length(), setCookie.indexOf(';'));
        assertTrue(value.matches("2025-12-16:analytics\\.[A-Za-z0-9_-]{43}"), value);
        assertEquals(Set.of("essential", "analytics"),
                signed.resolver().resolve(Inputs.cookie("cg_consent", value)).granted());
        assertEquals(Set.of("essential"),
                signed.resolver().resolve(Inputs.cookie("cg_consent", "2025-12-16:analytics")).granted());
        ConsentSources otherSecret = build(settings, Map.of("CG_SECRET", "another secret, long enough"));
        assertEquals(Set.of("essential"), otherSecret.resolver().resolve(Inputs.cookie("cg_consent", value)).granted());
    }

    @Test
    void failsFastNamingTheSetting() {
        ConsentSettings withSecret = ConsentSettings.defaults().withSecretEnv(Optional.of("CG_SECRET"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> build(withSecret, NO_ENV)).getMessage()
                .contains("CG_SECRET"));
        assertThrows(IllegalArgumentException.class, () -> build(withSecret, Map.of("CG_SECRET", "short")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> build(ConsentSettings.defaults().withSources(List.of("quantcast")), NO_ENV)).getMessage()
                .contains("consent.sources"));
        assertThrows(IllegalArgumentException.class,
                () -> build(ConsentSettings.defaults().withSources(List.of("tcf", "tcf")), NO_ENV));
        assertThrows(IllegalArgumentException.class, () -> build(ConsentSettings.defaults()
                .withTcf(new Tcf(Map.of("analytics", List.of(Set.of(0, 8))), Map.of())), NO_ENV));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> build(ConsentSettings.defaults()
                .withRevisions("2025 12:16", List.of()), NO_ENV)).getMessage().contains("consent.revision"));
        Map<String, dev.consentgate.config.Category> plusInId = new java.util.LinkedHashMap<>(Fixtures.categories());
        plusInId.put("a+b", new dev.consentgate.config.Category("a+b", "", false, false));
        assertThrows(IllegalArgumentException.class,
                () -> ConsentSources.build(ConsentSettings.defaults(), plusInId, NO_ENV::get));
        assertThrows(IllegalArgumentException.class, () -> ConsentSettings.defaults().withRevisions("2025-12-16",
                List.of(new ConsentSettings.PolicyRevision("2025-01-01", true))));
    }

    @Test
    void optionalPartsFollowTheSettings() {
        assertTrue(every.banner().isEmpty());
        assertTrue(every.recordLog().isEmpty());
        assertTrue(every.consentMode().isEmpty());
        assertTrue(every.gpcJson().isEmpty());
        ConsentSettings d = ConsentSettings.defaults();
        ConsentSettings on = new ConsentSettings(d.cookieName(), d.revision(), d.retention(), d.sources(),
                d.revisions(), d.maps(), d.tcf(), d.regions(), Optional.empty(), "/consent",
                new Banner(true, "T", "X", Optional.empty(), "/b.css"),
                new RecordLog(Optional.of(Path.of("consent.jsonl")), false), true, true);
        ConsentSources sources = build(on, NO_ENV);
        assertTrue(sources.banner().orElseThrow().html("/").contains("action=\"/consent\""));
        assertTrue(sources.recordLog().isPresent());
        assertTrue(sources.consentMode().isPresent());
        assertEquals(Optional.of("{\"gpc\": true, \"lastUpdate\": \"2025-12-16\"}"), sources.gpcJson());
    }

    @Test
    void reportsMapTargetsTheRulesetDoesNotDeclare() {
        List<String> unknown = ConsentSources.unknownTargets(ConsentSettings.defaults(),
                Set.of("essential", "analytics", "advertising"));
        assertTrue(unknown.contains("consent.onetrust.groups.C0003 -> functionality"), unknown.toString());
        assertTrue(ConsentSources.unknownTargets(ConsentSettings.defaults(), Fixtures.categories().keySet())
                .isEmpty());
    }

    @Test
    void theSkeletonConstructorKeepsItsMeaning() {
        ConsentSettings s = new ConsentSettings("cg", "r2", Duration.ofDays(1), List.of("cg_consent"));
        assertEquals(List.of(new ConsentSettings.PolicyRevision("r2", true)), s.revisions());
        assertEquals("/.consentgate/consent", s.endpoint());
    }
}
