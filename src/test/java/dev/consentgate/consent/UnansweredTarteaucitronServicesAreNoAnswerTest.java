package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.ConsentSettings.DefaultMode;
import dev.consentgate.config.ConsentSettings.RegionGroup;
import dev.consentgate.config.ConsentSettings.Regions;
import dev.consentgate.config.ConsentSettings.SourceMaps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * tarteaucitron writes {@code !SERVICE=wait} for every service the visitor has not answered, on the first page
 * view, before its banner is used. A cookie whose mapped services all wait is the banner's own state, not the
 * visitor's answer: the region's default applies and later sources are still asked, as for OneTrust's
 * {@code interactionCount=0} and CookieYes without {@code action:yes}.
 */
class UnansweredTarteaucitronServicesAreNoAnswerTest {

    private static ConsentSources sources() {
        SourceMaps d = SourceMaps.defaults();
        ConsentSettings settings = ConsentSettings.defaults()
                .withSources(List.of("cg_consent", "tarteaucitron", "tcf"))
                .withMaps(new SourceMaps(d.onetrustGroups(), d.cookiebot(), d.cookiebotNoConsent(), d.ccCookie(),
                        d.ccCookieRevision(),
                        d.cookieyes(), d.complianz(), d.klaroServices(),
                        Map.of("gtag", "analytics", "youtube", "functionality", "facebook", "advertising"),
                        d.didomiPurposes()))
                .withRegions(new Regions(Optional.of("CF-IPCountry"), Optional.empty(), DefaultMode.OPT_IN,
                        List.of(new RegionGroup("us", Set.of("US"), DefaultMode.OPT_OUT))));
        return ConsentSources.build(settings, Fixtures.categories(), name -> null);
    }

    /**
     * Input: a visitor in an opt-out region (CF-IPCountry: US) on their second page view; tarteaucitron wrote
     * {@code !gtag=wait!youtube=wait!facebook=wait} on the first, and the visitor has not used its banner.
     * Before (found by a review): read as the visitor's answer "essential only" (source tarteaucitron): the
     * region's opt-out default was refused for a visitor who had said nothing.
     */
    @Test
    void servicesThatAllWaitLeaveTheRegionsDefault() {
        ConsentDecision d = sources().resolver().resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("tarteaucitron", "!gtag=wait!youtube=wait!facebook=wait").build());
        assertEquals(ConsentDecision.DEFAULT_SOURCE, d.source());
        assertEquals(Set.of("essential", "functionality", "analytics", "advertising"), d.granted());
        assertFalse(d.answered(), "the visitor has not answered: a banner should ask");
    }

    /**
     * Input: the same unanswered tarteaucitron cookie, and an IAB TCF string with the visitor's answer
     * (purposes 1 and 8: analytics), asked after it.
     * Before (found by a review): tarteaucitron's waiting services decided "essential only"; the TCF answer was
     * never read.
     */
    @Test
    void servicesThatAllWaitLeaveTheDecisionToALaterSource() {
        String tcf = TcfEncoder.core(7, Set.of(1, 8), "FR").vendorRanges(10, List.of()).encode();
        ConsentDecision d = sources().resolver().resolve(Inputs.request()
                .withCookie("tarteaucitron", "!gtag=wait!youtube=wait").withCookie("euconsent-v2", tcf).build());
        assertEquals("tcf", d.source());
        assertTrue(d.grants("analytics"), d.granted().toString());
    }

    /** One service answered is an answer: what waits is not granted, whatever the region. */
    @Test
    void oneAnsweredServiceIsAnAnswer() {
        ConsentDecision d = sources().resolver().resolve(Inputs.request().withHeader("CF-IPCountry", "US")
                .withCookie("tarteaucitron", "!gtag=wait!youtube=true!facebook=wait").build());
        assertEquals("tarteaucitron", d.source());
        assertEquals(Set.of("essential", "functionality"), d.granted());
    }
}
