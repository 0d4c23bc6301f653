package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.SourceMaps;
import dev.consentgate.config.ConsentSettings.Tcf;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A category whose {@code consent.tcf.vendors} names IAB vendors is granted through Didomi's token only as the
 * request's TCF string would grant it: each required vendor consented there, and allowed by the publisher (no
 * restriction of type 0) for the purposes that grant the category. Didomi keeps that TCF string beside its token as
 * the source of truth for IAB vendors, and the publisher's restrictions are written only there.
 */
class DidomiGrantsHoldTheRequiredVendorsTest {

    private static final int GOOGLE = 755;

    private static final String IAB_ADVERTISING = "\"cookies\",\"create_ads_profile\",\"select_personalized_ads\"";

    private static ConsentSources sources(Map<String, String> customPurposes) {
        SourceMaps d = SourceMaps.defaults();
        ConsentSettings settings = ConsentSettings.defaults()
                .withSources(List.of("cg_consent", "didomi", "tcf"))
                .withMaps(new SourceMaps(d.onetrustGroups(), d.cookiebot(), d.cookiebotNoConsent(), d.ccCookie(),
                        d.ccCookieRevision(),
                        d.cookieyes(), d.complianz(), d.klaroServices(), d.tarteaucitronServices(), customPurposes))
                .withTcf(new Tcf(Tcf.defaults().purposes(), Map.of("advertising", Set.of(GOOGLE))));
        return ConsentSources.build(settings, Fixtures.categories(), name -> null);
    }

    private static String didomiToken(String enabledPurposes) {
        String json = "{\"user_id\":\"17a8c1e2-aaaa\",\"created\":\"2025-12-16T10:15:30.123Z\","
                + "\"updated\":\"2025-12-16T10:15:30.123Z\",\"vendors\":{\"enabled\":[\"google\"],"
                + "\"disabled\":[]},\"purposes\":{\"enabled\":[" + enabledPurposes + "],\"disabled\":[]},"
                + "\"version\":2,\"ac\":\"AAAA\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<Integer> purposes(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    /** Purposes 1 to 11 and vendor 755 consented; the publisher flatly forbids vendor 755 purpose 4. */
    private static String tcfWithRestriction() {
        return TcfEncoder.core(7, purposes(1, 11), "FR")
                .vendorRanges(800, List.of(new TcfEncoder.Range(1, 2), new TcfEncoder.Range(GOOGLE, GOOGLE)))
                .write(0, 16).write(0, 1)                    // vendor LI section: MaxVendorId 0, bitfield
                .write(1, 12)                                // NumPubRestrictions
                .write(4, 6).write(0, 2)                     // purpose 4, type 0 (flatly not allowed)
                .write(1, 12).write(0, 1).write(GOOGLE, 16)  // one entry: vendor 755
                .encode();
    }

    private static String tcfWithoutVendor() {
        return TcfEncoder.core(7, purposes(1, 11), "FR")
                .vendorRanges(800, List.of(new TcfEncoder.Range(1, 754))).encode();
    }

    /**
     * Input: the ruleset requires vendor 755 for advertising; Didomi's token enables the IAB purposes 1, 3 and 4;
     * the euconsent-v2 Didomi wrote beside it gives vendor 755 consent but carries the publisher's restriction of
     * type 0 on vendor 755 for purpose 4 (the site forbids Google to personalise ads).
     * Before (found by a review): advertising granted: the TCF source refuses it for the restriction, but didomi,
     * asked first, checked only the vendor's consent in that string and not the publisher's restrictions.
     */
    @Test
    void aPublisherRestrictionInTheTcfStringHoldsForTheDidomiToken() {
        ConsentSources sources = sources(Map.of());
        String tcf = tcfWithRestriction();
        ConsentDecision tcfOnly = sources.resolver().resolve(Inputs.request().withCookie("euconsent-v2", tcf).build());
        assertFalse(tcfOnly.grants("advertising"), "the TCF string alone refuses it: " + tcfOnly.granted());

        ConsentDecision d = sources.resolver().resolve(Inputs.request()
                .withCookie("didomi_token", didomiToken(IAB_ADVERTISING))
                .withCookie("euconsent-v2", tcf).build());

        assertFalse(d.grants("advertising"), "vendor 755 may not use purpose 4 here; decided by " + d.source());
    }

    /**
     * Input: the ruleset requires vendor 755 for advertising and maps Didomi's custom purpose "marketing-Zx7bQ" to
     * advertising; the token enables that purpose, and the euconsent-v2 beside it refuses vendor 755.
     * Before (found by a review): advertising granted: a custom purpose granted its category without the vendor
     * requirement that README ("Consent sources", didomi) says a category needs through Didomi.
     */
    @Test
    void aCustomPurposeDoesNotGrantACategoryWhoseRequiredVendorIsRefused() {
        ConsentSources sources = sources(Map.of("marketing-Zx7bQ", "advertising", "audience-m8", "analytics"));

        ConsentDecision d = sources.resolver().resolve(Inputs.request()
                .withCookie("didomi_token", didomiToken("\"marketing-Zx7bQ\",\"audience-m8\""))
                .withCookie("euconsent-v2", tcfWithoutVendor()).build());

        assertFalse(d.grants("advertising"), "vendor 755 refused; decided by " + d.source());
        assertTrue(d.grants("analytics"), "a category that requires no vendor is still granted: " + d.granted());
    }

    /** The same token with vendor 755 consented and allowed grants advertising, by IAB and by custom purposes. */
    @Test
    void aConsentedAndAllowedVendorStillGrants() {
        String tcf = TcfEncoder.core(7, purposes(1, 11), "FR")
                .vendorRanges(800, List.of(new TcfEncoder.Range(1, 2), new TcfEncoder.Range(GOOGLE, GOOGLE)))
                .encode();
        ConsentDecision iab = sources(Map.of()).resolver().resolve(Inputs.request()
                .withCookie("didomi_token", didomiToken(IAB_ADVERTISING))
                .withCookie("euconsent-v2", tcf).build());
        ConsentDecision custom = sources(Map.of("marketing-Zx7bQ", "advertising")).resolver().resolve(
                Inputs.request().withCookie("didomi_token", didomiToken("\"marketing-Zx7bQ\""))
                        .withCookie("euconsent-v2", tcf).build());
        assertTrue(iab.grants("advertising"), "IAB purposes: " + iab.granted());
        assertTrue(custom.grants("advertising"), "custom purpose: " + custom.granted());
    }
}
