package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.RegionGroup;
import dev.consentgate.config.ConsentSettings.Regions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Didomi writes its didomi_token on the visitor's first page view, before they answer: a user id, two equal dates
 * and {@code "version":null}, no purposes or vendors. That is no answer (the region's default applies), and no
 * malformed value either.
 */
class DidomiTokenWithoutChoicesIsNoAnswerTest {

    /** As a Didomi site wrote it in February 2026 (base64 of the JSON above, padding included). */
    private static final String BEFORE_ANY_ANSWER = "eyJ1c2VyX2lkIjoiMTljOGVjZDYtNGMyNS02NTQzLWJkMmMtZjcyNDdjY2FlOD"
            + "Q1IiwiY3JlYXRlZCI6IjIwMjYtMDItMjRUMDg6Mzk6MTEuMjk4WiIsInVwZGF0ZWQiOiIyMDI2LTAyLTI0VDA4OjM5OjExLjI5OFoi"
            + "LCJ2ZXJzaW9uIjpudWxsfQ==";

    /**
     * Input: a visitor in an opt-out region (CF-IPCountry: US) on their second page view, with that token.
     * Before (found by a review): read as a malformed value ("no purposes object"): counted and logged as one, and
     * the region's default refused as for an unreadable answer (essential only).
     */
    @Test
    void aTokenWithoutChoicesLeavesTheRegionsDefault() {
        ConsentSources sources = ConsentSources.build(ConsentSettings.defaults()
                .withSources(List.of("cg_consent", "didomi", "tcf"))
                .withRegions(new Regions(Optional.of("CF-IPCountry"), Optional.empty(), DefaultMode.OPT_IN,
                        List.of(new RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT)))),
                Fixtures.categories(), name -> null);

        ConsentDecision d = sources.resolver().resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("didomi_token", BEFORE_ANY_ANSWER).build());

        assertEquals(0, sources.resolver().malformedCount("didomi"), "a token Didomi writes is not malformed");
        assertEquals(Set.of("essential", "functionality", "analytics", "advertising"), d.granted());
        assertFalse(d.answered());
    }

    /** A token that records choices but no purposes stays unreadable: it is not the state before an answer. */
    @Test
    void aTokenWithVendorsButNoPurposesIsStillNoReadableAnswer() {
        DidomiReader reader = new DidomiReader(new PurposeRules(ConsentSettings.Tcf.defaults()), java.util.Map.of());
        String token = java.util.Base64.getEncoder().encodeToString(("{\"user_id\":\"17a8\",\"created\":"
                + "\"2021-07-08T12:49:24.198Z\",\"updated\":\"2021-07-08T12:49:24.198Z\",\"version\":2,"
                + "\"vendors\":{\"enabled\":[\"google\"]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Results.assertMalformed(reader.read(Inputs.cookie("didomi_token", token)));
    }
}
