package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.consentgate.config.Category;
import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.PolicyRevision;
import dev.consentgate.config.ConsentSettings.RegionGroup;
import dev.consentgate.config.ConsentSettings.Regions;
import dev.consentgate.config.ConsentSettings.SourceMaps;
import dev.consentgate.config.ConsentSettings.Tcf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Inputs that must never widen consent: two copies of a refusal, a signed record naming a category since renamed, a
 * stale answer before a current refusal, a publisher restriction in a TCF string. Each was found by a second review
 * of how consent is read and failed before; the comments say what happened then.
 */
class ConsentThatMustNotWidenTest {

    /** Two material revisions, then a non-material one (the current). */
    private static final List<PolicyRevision> HISTORY = List.of(new PolicyRevision("2025-01-10", true),
            new PolicyRevision("2025-06-01", true), new PolicyRevision("2025-09-01", false),
            new PolicyRevision("2025-12-16", false));

    /** US is an opt-out region (every non-essential category granted until the visitor refuses). */
    private static final Regions REGIONS = new Regions(Optional.of("CF-IPCountry"), Optional.empty(),
            DefaultMode.OPT_IN, List.of(new RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT)));

    private static final Set<String> ESSENTIAL_ONLY = Set.of("essential");
    private static final String SECRET = "correct horse battery staple";

    private static Set<Integer> purposes(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    /**
     * Finding 1 (fail-open; ConsentResolver.resolve with SingleCookieReader.read).
     * Input: a visitor in an opt-out region (CF-IPCountry: US) who refused everything; the request carries two
     * cg_consent cookies that both say "essential only" but differ in text: one written under the current revision
     * and one under the previous, non-material, revision (a host-only cookie and a Domain=parent one, or one on
     * another Path - browsers send both). Second case: a refusal signed by the gateway plus a second copy a sibling
     * subdomain or a page script planted (document.cookie can set cg_consent on the parent domain: the value is
     * HttpOnly only for the copy the gateway wrote).
     * Before (found by a review): the reader reports "duplicate cookies that disagree" (Malformed), the resolver treats Malformed as
     * absent, and the opt-out default grants functionality, analytics and advertising.
     * Expected: essential only. Both copies refuse, so nothing in the input grants anything; in the second case
     * the only authentic value refuses. "When in doubt, the cookie does not pass": a refusal the gateway cannot read
     * cleanly must not turn into "everything granted". The same path turns a refusal signed with the previous key
     * (after the secret is rotated) into grant-all.
     */
    @Test
    void twoCopiesOfARefusalDoNotGrantEverythingInAnOptOutRegion() {
        ConsentResolver unsigned = new ConsentResolver(List.of(new NativeConsentReader("cg_consent",
                Fixtures.categories().keySet())), Fixtures.categories(), HISTORY, REGIONS);
        ConsentDecision bothRefuse = unsigned.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("cg_consent", "2025-12-16:").withCookie("cg_consent", "2025-09-01:").build());

        ConsentSigner signer = new ConsentSigner(SECRET);
        ConsentResolver signed = new ConsentResolver(List.of(new NativeConsentReader("cg_consent",
                Fixtures.categories().keySet(), Optional.of(signer))), Fixtures.categories(), HISTORY, REGIONS);
        String signedRefusal = new ConsentCookieWriter("cg_consent", "2025-12-16", Duration.ofDays(182),
                Optional.of(signer)).value(Set.of());
        ConsentDecision plantedCopy = signed.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("cg_consent", signedRefusal).withCookie("cg_consent", "x").build());

        assertAll(
                () -> assertEquals(ESSENTIAL_ONLY, bothRefuse.granted(), "two refusals"),
                () -> assertEquals(ESSENTIAL_ONLY, plantedCopy.granted(), "signed refusal + planted copy"));
    }

    /**
     * Finding 2 (fail-open; NativeConsentReader.parse, the "unknown category" branch, with ConsentResolver).
     * Input: opt-out region; the visitor answered the gateway's banner under revision 2025-06-01 granting only
     * "functionality" (so refusing analytics and advertising): cg_consent=2025-06-01:functionality, a value the
     * gateway wrote itself (signed). Since then the site renamed the category "functionality" to "preferences"
     * and, to ask again, published the material revision 2025-12-16.
     * Before (found by a review): "functionality" is no longer a category, so the whole record is Malformed ("unknown category"),
     * counted as absent, and the opt-out default grants analytics and advertising.
     * Expected: analytics and advertising stay refused. README ("The consent cookie"): an answer under a revision
     * older than the last material one "counts as no answer: the region's default applies, but never grants more
     * than that old answer did". A signed record cannot be tampering; its unknown id should be dropped (or the
     * refusals kept), not the refusals thrown away.
     */
    @Test
    void aRecordNamingARemovedCategoryKeepsItsRefusals() {
        Map<String, Category> renamed = new LinkedHashMap<>();
        renamed.put("essential", new Category("essential", "Needed to run the site.", true, false));
        renamed.put("preferences", new Category("preferences", "Remembers your choices.", false, false));
        renamed.put("analytics", new Category("analytics", "Measures how the site is used.", false, false));
        renamed.put("advertising", new Category("advertising", "Shows relevant ads.", false, true));
        List<PolicyRevision> history = List.of(new PolicyRevision("2025-06-01", true),
                new PolicyRevision("2025-12-16", true));
        ConsentSigner signer = new ConsentSigner(SECRET);
        ConsentResolver resolver = new ConsentResolver(List.of(new NativeConsentReader("cg_consent",
                renamed.keySet(), Optional.of(signer))), renamed, history, REGIONS);
        String old = new ConsentCookieWriter("cg_consent", "2025-06-01", Duration.ofDays(182), Optional.of(signer))
                .value(Set.of("functionality"));

        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("cg_consent", old).build());

        assertAll(
                () -> assertFalse(d.grants("analytics"), "analytics was refused: " + d.granted()),
                () -> assertFalse(d.grants("advertising"), "advertising was refused: " + d.granted()));
    }

    /**
     * Finding 3 (fail-open; ConsentResolver.resolve, the stale-revision branch returns before the later sources).
     * Input: opt-out region; sources [cg_consent, onetrust]; cg_consent=2025-01-10:analytics was recorded before the
     * material revision 2025-06-01 (stale: "counts as none"); the visitor has since answered OneTrust, under the
     * current policy, refusing analytics (groups C0002:0).
     * Before (found by a review): the stale cg_consent stops the loop: defaults (everything) narrowed by the stale answer = analytics,
     * which is granted; the current OneTrust refusal is never read.
     * Expected: analytics not granted. The stale answer counts as none, so the only current answer in the request
     * is OneTrust's, and it refuses analytics; a stale grant must not override a current refusal.
     */
    @Test
    void aStaleAnswerDoesNotOverrideACurrentRefusalFromALaterSource() {
        ConsentResolver resolver = new ConsentResolver(List.of(
                new NativeConsentReader("cg_consent", Fixtures.categories().keySet()),
                new OneTrustReader(SourceMaps.defaults().onetrustGroups())),
                Fixtures.categories(), HISTORY, REGIONS);
        ConsentDecision d = resolver.resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("cg_consent", "2025-01-10:analytics")
                .withCookie("OptanonConsent",
                        OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A0%2CC0003%3A0%2CC0004%3A0"))
                .build());
        assertFalse(d.grants("analytics"), "OneTrust (current) refuses analytics; got " + d.granted());
    }

    /**
     * Finding 4 (fail-open; TcfString.decode stops after the vendor consent section, TcfReader.parse never sees
     * the publisher restrictions).
     * Input: a ruleset requiring vendor 755 (Google) for advertising; an euconsent-v2 whose core segment has
     * purposes 1-11 and vendor 755 consented, an empty vendor legitimate-interest section, and one publisher
     * restriction: purpose 4, restriction type 0, vendor 755.
     * Before (found by a review): advertising granted (purposes 1, 3, 4 and vendor 755 all set).
     * Expected: advertising not granted. In the TCF v2 core segment the vendor LI section is followed by
     * NumPubRestrictions(12) and per restriction PurposeId(6), RestrictionType(2), NumEntries(12) and vendor
     * ranges; restriction type 0 is "Purpose Flatly Not Allowed by Publisher", which vendors must always respect:
     * the site itself forbids vendor 755 purpose 4 (select personalised ads), so the category the ruleset ties
     * to "755 with purposes 1, 3, 4" is not given.
     */
    @Test
    void aPublisherRestrictionOfTypeZeroWithdrawsTheRequiredVendorsPurpose() {
        TcfReader reader = new TcfReader(new PurposeRules(new Tcf(Tcf.defaults().purposes(),
                Map.of("advertising", Set.of(755)))));
        String restricted = TcfEncoder.core(28, purposes(1, 11), "DE")
                .vendorRanges(800, List.of(new TcfEncoder.Range(1, 2), new TcfEncoder.Range(755, 755)))
                .write(0, 16).write(0, 1)                 // vendor LI section: MaxVendorId 0, bitfield
                .write(1, 12)                             // NumPubRestrictions
                .write(4, 6).write(0, 2)                  // purpose 4, type 0 (not allowed)
                .write(1, 12).write(0, 1).write(755, 16)  // one entry: vendor 755
                .encode();
        SourceResult result = reader.read(Inputs.cookie("euconsent-v2", restricted));
        SourceResult.Present present = assertInstanceOf(SourceResult.Present.class, result, () -> "got " + result);
        assertFalse(present.categories().contains("advertising"),
                "vendor 755 may not use purpose 4 on this site; got " + present.categories());
    }

    /**
     * Finding 5 (fail-open; DidomiReader.parse passes {@code v -> true} to PurposeRules.granted, and the shipped
     * source order asks didomi before tcf).
     * Input: consent.tcf.vendors requires vendor 755 (Google) for advertising; sources in the shipped order
     * (.., didomi, tcf). Didomi, an IAB CMP, writes both didomi_token and euconsent-v2. The visitor enabled the
     * IAB purposes 1, 3 and 4 but switched Google off: didomi_token lists "google" under vendors.disabled and the
     * euconsent-v2 string has vendor 755 without consent.
     * Before (found by a review): didomi is present first and grants advertising without any vendor check; the TCF string that
     * refuses vendor 755 is never read.
     * Expected: advertising not granted: the configured requirement "vendor 755 must have consent" is not met by
     * anything in the request. Didomi's own documentation says that under the GDPR the IAB TCF string "remains
     * the source of truth"; a configured vendor requirement must not be silently dropped for one source.
     */
    @Test
    void aRequiredVendorIsNotBypassedThroughTheDidomiToken() {
        ConsentSettings settings = ConsentSettings.defaults()
                .withSources(List.of("cg_consent", "onetrust", "cookiebot", "cc_cookie", "cookieyes", "complianz",
                        "klaro", "tarteaucitron", "didomi", "tcf"))
                .withTcf(new Tcf(Tcf.defaults().purposes(), Map.of("advertising", Set.of(755))));
        ConsentSources sources = ConsentSources.build(settings, Fixtures.categories(), name -> null);
        String didomi = "{\"user_id\":\"17a8c1e2-aaaa\",\"created\":\"2025-12-16T10:15:30.123Z\","
                + "\"updated\":\"2025-12-16T10:15:30.123Z\",\"vendors\":{\"enabled\":[\"c:matomo\"],"
                + "\"disabled\":[\"google\"]},\"purposes\":{\"enabled\":[\"cookies\",\"select_basic_ads\","
                + "\"create_ads_profile\",\"select_personalized_ads\"],\"disabled\":[]},\"version\":2,"
                + "\"ac\":\"AAAA\"}";
        String tcf = TcfEncoder.core(7, Set.of(1, 2, 3, 4), "FR")
                .vendorRanges(800, List.of(new TcfEncoder.Range(1, 754))).encode();
        ConsentDecision d = sources.resolver().resolve(Inputs.request()
                .withCookie("didomi_token",
                        Base64.getEncoder().encodeToString(didomi.getBytes(StandardCharsets.UTF_8)))
                .withCookie("euconsent-v2", tcf).build());
        assertFalse(d.grants("advertising"), "vendor 755 refused in both cookies; decided by " + d.source());
    }
}
