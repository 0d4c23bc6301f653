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
 * Complianz writes its category cookies ({@code cmplz_marketing=allow}, ...) also where it shows the visitor no
 * banner ({@code cmplz_saved_categories=["no_warning"]}, every category allowed); that the visitor answered shows in
 * {@code cmplz_banner-status=dismissed} (older versions: {@code cmplz_choice=set}). Without it the categories are
 * not the visitor's answer: the region's default applies, never granting what they refuse.
 */
class ComplianzCategoriesWithoutADismissedBannerAreNoAnswerTest {

    private static ConsentResolver resolver() {
        return ConsentSources.build(ConsentSettings.defaults()
                .withSources(List.of("cg_consent", "complianz", "tcf"))
                .withRegions(new Regions(Optional.of("CF-IPCountry"), Optional.empty(), DefaultMode.OPT_IN,
                        List.of(new RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT)))),
                Fixtures.categories(), name -> null).resolver();
    }

    private static Inputs noBannerShown(String region, String marketing) {
        return Inputs.request().withHeader("CF-IPCountry", region)
                .withCookie("cmplz_saved_categories", "[\"no_warning\"]").withCookie("cmplz_saved_services", "{}")
                .withCookie("cmplz_consented_services", "").withCookie("cmplz_policy_id", "38")
                .withCookie("cmplz_marketing", marketing).withCookie("cmplz_statistics", "allow")
                .withCookie("cmplz_preferences", "allow").withCookie("cmplz_functional", "allow")
                .withCookie("cmplz_id", "91093");
    }

    /**
     * Input: a visitor in an opt-in region (CF-IPCountry: DE, by the gateway's region header) carrying the cookies
     * Complianz wrote where it showed no banner (its own geolocation found no consent needed).
     * Before (found by a review): every category granted (source complianz) to a visitor who was never asked.
     */
    @Test
    void categoriesWrittenWithoutABannerGrantNothingInAnOptInRegion() {
        ConsentDecision d = resolver().resolve(noBannerShown("DE", "allow").build());
        assertEquals(Set.of("essential"), d.granted());
        assertFalse(d.answered(), "the visitor was never asked");
    }

    /** What they refuse still holds where the region grants by default. */
    @Test
    void theirRefusalsHoldInAnOptOutRegion() {
        ConsentDecision d = resolver().resolve(noBannerShown("US", "deny").build());
        assertEquals(Set.of("essential", "functionality", "analytics"), d.granted());
    }

    /** Once the banner is dismissed (or, before Complianz 6, the choice set) they are the visitor's answer. */
    @Test
    void aDismissedBannerMakesThemTheAnswer() {
        ConsentDecision dismissed = resolver().resolve(noBannerShown("DE", "deny")
                .withCookie("cmplz_banner-status", "dismissed").build());
        assertEquals("complianz", dismissed.source());
        assertEquals(Set.of("essential", "functionality", "analytics"), dismissed.granted());
        ConsentDecision older = resolver().resolve(Inputs.request().withHeader("CF-IPCountry", "DE")
                .withCookie("cmplz_choice", "set").withCookie("cmplz_statistics", "allow").build());
        assertEquals(Set.of("essential", "analytics"), older.granted());
    }
}
