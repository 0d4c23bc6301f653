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
 * OneTrust writes {@code AwaitingReconsent=true} when the site asks its visitors to consent again (a changed
 * policy): the groups are the answer to the old one. Like a cg_consent recorded under a revision older than the last
 * material one, it counts as no answer: the region's default, never more than the old answer gave, and the banner
 * asks again.
 */
class OneTrustAwaitingReconsentIsAnOutdatedAnswerTest {

    private static String optanon(String groups) {
        return "isGpcEnabled=0&datestamp=Tue+Jan+16+2024+08%3A32%3A43+GMT-0500+(Eastern+Standard+Time)"
                + "&version=202401.1.0&isIABGlobal=false&hosts=&consentId=3a1b10dd-6c97-4186-bead-11122994ec60"
                + "&interactionCount=2&landingPath=NotLandingPage&groups=" + groups
                + "&geolocation=US%3BIN&AwaitingReconsent=true&browserGpcFlag=0";
    }

    private static ConsentResolver resolver() {
        return ConsentSources.build(ConsentSettings.defaults()
                .withSources(List.of("cg_consent", "onetrust", "tcf"))
                .withRegions(new Regions(Optional.of("CF-IPCountry"), Optional.empty(), DefaultMode.OPT_IN,
                        List.of(new RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT)))),
                Fixtures.categories(), name -> null).resolver();
    }

    /**
     * Input: a visitor in an opt-in region whose OptanonConsent accepted every group under the site's old policy
     * and is now awaiting re-consent.
     * Before (found by a review): every group granted, source onetrust: the site's own banner asks again, the
     * gateway went on granting analytics, functionality and advertising.
     */
    @Test
    void anAnswerAwaitingReconsentIsNoAnswer() {
        ConsentDecision d = resolver().resolve(Inputs.request().withHeader("CF-IPCountry", "DE")
                .withCookie("OptanonConsent", optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1"))
                .withCookie("OptanonAlertBoxClosed", "2024-01-16T13:32:43.959Z").build());
        assertEquals(Set.of("essential"), d.granted());
        assertEquals(ConsentDecision.DEFAULT_SOURCE, d.source());
        assertFalse(d.answered(), "the visitor is asked again");
    }

    /** In an opt-out region the default applies, narrowed by what the old answer refused. */
    @Test
    void itsRefusalsStillHoldInAnOptOutRegion() {
        ConsentDecision d = resolver().resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("OptanonConsent", optanon("C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A1"))
                .withCookie("OptanonAlertBoxClosed", "2024-01-16T13:32:43.959Z").build());
        assertEquals(Set.of("essential", "functionality", "advertising"), d.granted());
    }
}
