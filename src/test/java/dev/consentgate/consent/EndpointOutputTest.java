package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the endpoint sends: decision JSON, the consent cookie, gpc.json and the Consent Mode snippet. */
class EndpointOutputTest {

    private static final Set<String> ESSENTIAL = Set.of("essential");

    @Test
    void decisionJsonListsEssentialFirstThenSorted() {
        ConsentDecision d = new ConsentDecision(Set.of("functionality", "essential", "analytics"), "onetrust",
                Optional.of("2025-12-16"), false, Optional.of("DE"));
        assertEquals("{\"granted\":[\"essential\",\"analytics\",\"functionality\"],\"source\":\"onetrust\","
                + "\"revision\":\"2025-12-16\",\"gpc\":false,\"region\":\"DE\"}", DecisionJson.render(d, ESSENTIAL));
    }

    @Test
    void decisionJsonUsesNullForUnknowns() {
        ConsentDecision d = new ConsentDecision(Set.of("essential"), "default", Optional.empty(), true,
                Optional.empty());
        assertEquals("{\"granted\":[\"essential\"],\"source\":\"default\",\"revision\":null,\"gpc\":true,"
                + "\"region\":null}", DecisionJson.render(d, ESSENTIAL));
    }

    @Test
    void decisionJsonEscapes() {
        ConsentDecision d = new ConsentDecision(Set.of("a\"b</script>"), "x\\y", Optional.of("r\n"), false,
                Optional.empty());
        String json = DecisionJson.render(d, ESSENTIAL);
        assertEquals("{\"granted\":[\"a\\\"b\\u003c/script\\u003e\"],\"source\":\"x\\\\y\",\"revision\":\"r\\n\","
                + "\"gpc\":false,\"region\":null}", json);
        JsonReader.parseObject(json);
    }

    @Test
    void unsignedConsentCookie() {
        ConsentCookieWriter writer = new ConsentCookieWriter("cg_consent", "2025-12-16", Duration.ofDays(182),
                Optional.empty());
        assertEquals("2025-12-16:analytics+functionality", writer.value(Set.of("functionality", "analytics")));
        assertEquals("cg_consent=2025-12-16:; Path=/; Max-Age=15724800; SameSite=Lax; HttpOnly",
                writer.setCookie(Set.of(), false));
        assertTrue(writer.setCookie(Set.of(), true).endsWith("; Secure"));
    }

    @Test
    void signedConsentCookieIsReadBackByTheNativeReader() {
        ConsentSigner signer = new ConsentSigner("a secret of enough length");
        ConsentCookieWriter writer = new ConsentCookieWriter("cg_consent", "2025-12-16", Duration.ofDays(1),
                Optional.of(signer));
        String value = writer.value(Set.of("analytics"));
        assertTrue(value.matches("2025-12-16:analytics\\.[A-Za-z0-9_-]{43}"), value);
        NativeConsentReader reader = new NativeConsentReader("cg_consent", Fixtures.categories().keySet(),
                Optional.of(signer));
        Results.assertGranted(Set.of("analytics"), reader.read(Inputs.cookie("cg_consent", value)));
    }

    @Test
    void gpcJson() {
        assertEquals("{\"gpc\": true, \"lastUpdate\": \"2025-12-16\"}",
                GpcJson.body(Optional.of(LocalDate.of(2025, 12, 16))));
        assertEquals("{\"gpc\": true}", GpcJson.body(Optional.empty()));
        assertEquals(Optional.of(LocalDate.of(2025, 12, 16)), GpcJson.dateOf("2025-12-16"));
        assertEquals(Optional.empty(), GpcJson.dateOf("v7"));
    }

    @Test
    void consentModeReflectsTheDecision() {
        ConsentModeSnippet snippet = new ConsentModeSnippet("advertising", "analytics", "functionality");
        ConsentDecision analyticsOnly = new ConsentDecision(Set.of("essential", "analytics"), "onetrust",
                Optional.empty(), false, Optional.empty());
        assertEquals("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                + "gtag('consent','default',{ad_storage:'denied',analytics_storage:'granted',"
                + "ad_user_data:'denied',ad_personalization:'denied',functionality_storage:'denied',"
                + "personalization_storage:'denied',security_storage:'granted'});</script>",
                snippet.script(analyticsOnly, Optional.empty()));
        ConsentDecision ads = new ConsentDecision(Set.of("essential", "advertising", "functionality"), "tcf",
                Optional.empty(), false, Optional.empty());
        String withNonce = snippet.script(ads, Optional.of("r4nd\"om"));
        assertTrue(withNonce.startsWith("<script nonce=\"r4nd&quot;om\">"), withNonce);
        assertTrue(withNonce.contains("{ad_storage:'granted',analytics_storage:'denied',ad_user_data:'granted',"
                + "ad_personalization:'granted',functionality_storage:'granted',personalization_storage:'granted',"
                + "security_storage:'granted'}"), withNonce);
    }
}
