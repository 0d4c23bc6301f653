package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertAbsent;
import static dev.consentgate.consent.Results.assertGranted;
import static dev.consentgate.consent.Results.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.ConsentSettings.SourceMaps;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTrustReaderTest {

    private final OneTrustReader reader = new OneTrustReader(SourceMaps.defaults().onetrustGroups());

    static String optanon(String groups) {
        return "isGpcEnabled=0&datestamp=Tue+Dec+16+2025+10%3A15%3A30+GMT%2B0100+(Central+European+Standard+Time)"
                + "&version=202411.1.0&browserGpcFlag=0&isIABGlobal=false&hosts=&consentId=0f9b7c1e-1234-4d5e"
                + "&interactionCount=1&isAnonUser=1&landingPath=NotLandingPage&groups=" + groups
                + "&AwaitingReconsent=false&geolocation=DE%3BBY";
    }

    private SourceResult read(String value) {
        return reader.read(Inputs.cookie("OptanonConsent", value));
    }

    @Test
    void grantsAnalyticsOnlyWhenC0002IsTheOnlyOptionalGroup() {
        SourceResult result = read(optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0"));
        assertGranted(Set.of("analytics"), result);
        assertEquals(Optional.empty(), ((SourceResult.Present) result).revision());
    }

    @Test
    void grantsEverythingWhenAllGroupsAccepted() {
        assertGranted(Set.of("analytics", "functionality", "advertising"),
                read(optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1")));
    }

    @Test
    void refusedGroupsGrantNothing() {
        assertGranted(Set.of(), read(optanon("C0001%3A1%2CC0002%3A0%2CC0003%3A0%2CC0004%3A0")));
    }

    @Test
    void readsOldNumericGroupIds() {
        assertGranted(Set.of("functionality"), read(optanon("1%3A1%2C2%3A0%2C3%3A1%2C4%3A0")));
    }

    @Test
    void advertisingNeedsEveryAdvertisingGroupTheCookieMentions() {
        assertGranted(Set.of(), read(optanon("C0001%3A1%2CC0004%3A1%2CC0005%3A0")));
        assertGranted(Set.of("advertising"), read(optanon("C0001%3A1%2CC0004%3A1")));
    }

    @Test
    void ignoresUnmappedGroupsSuchAsStacks() {
        assertGranted(Set.of("analytics"), read(optanon("C0001%3A1%2CC0002%3A1%2CSTACK42%3A1%2CBG12%3A1")));
    }

    @Test
    void followsAConfiguredGroupMap() {
        OneTrustReader custom = new OneTrustReader(Map.of("C0007", "analytics"));
        assertGranted(Set.of("analytics"),
                custom.read(Inputs.cookie("OptanonConsent", optanon("C0002%3A1%2CC0007%3A1"))));
    }

    @Test
    void absentWithoutTheCookie() {
        assertAbsent(reader.read(Inputs.none()));
    }

    @Test
    void malformedValues() {
        assertMalformed(read("isGpcEnabled=0&version=202411.1.0"));
        assertMalformed(read(optanon("C0002%3Ayes")));
        assertMalformed(read(optanon("C0002")));
        assertMalformed(read(optanon("C0002%3A1%ZZ")));
        assertMalformed(read("groups=C0002%3A1&groups=C0002%3A0"));
    }

    @Test
    void oversizedIsMalformed() {
        assertMalformed(read(optanon("C0002%3A1") + "&pad=" + "x".repeat(5000)));
    }

    @Test
    void duplicatesThatDisagreeAreMalformedAndEqualOnesAreRead() {
        String granted = optanon("C0002%3A1");
        assertMalformed(reader.read(Inputs.request().withCookie("OptanonConsent", granted)
                .withCookie("OptanonConsent", optanon("C0002%3A0")).build()));
        assertGranted(Set.of("analytics"), reader.read(Inputs.request().withCookie("OptanonConsent", granted)
                .withCookie("OptanonConsent", granted).build()));
    }

    @Test
    void beforeTheVisitorUsesTheBannerTheDefaultGroupsAreNoAnswer() {
        // interactionCount=0: the groups are the banner's defaults (all on where the site set implied consent), not
        // an answer; before, they were read as granted (found by a review)
        assertAbsent(read(optanon("C0001:1,C0002:1,C0003:1,C0004:1").replace("interactionCount=1",
                "interactionCount=0")));
        assertGranted(Set.of("analytics", "functionality", "advertising"),
                read(optanon("C0001:1,C0002:1,C0003:1,C0004:1")));
    }
}
