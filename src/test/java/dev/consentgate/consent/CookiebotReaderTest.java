package dev.consentgate.consent;

import static dev.consentgate.consent.Results.assertAbsent;
import static dev.consentgate.consent.Results.assertGranted;
import static dev.consentgate.consent.Results.assertMalformed;

import dev.consentgate.config.ConsentSettings.CookiebotNoConsent;
import dev.consentgate.config.ConsentSettings.SourceMaps;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CookiebotReaderTest {

    private static final Set<String> ALL = Set.of("functionality", "analytics", "advertising");

    private static CookiebotReader reader(CookiebotNoConsent noConsent) {
        return new CookiebotReader(SourceMaps.defaults().cookiebot(), noConsent, ALL);
    }

    static String cookieConsent(boolean preferences, boolean statistics, boolean marketing) {
        return "{stamp:%27Xx9mjo2ojd+8Fwn7bOKFaYUtoKuNLb7DzrRKo3UH3xM4RlfHrk+2Jg==%27%2Cnecessary:true"
                + "%2Cpreferences:" + preferences + "%2Cstatistics:" + statistics + "%2Cmarketing:" + marketing
                + "%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1705162226478%2Cregion:%27de%27}";
    }

    private static SourceResult read(String value) {
        return reader(CookiebotNoConsent.ABSENT).read(Inputs.cookie("CookieConsent", value));
    }

    @Test
    void statisticsWithoutMarketingGrantsAnalytics() {
        assertGranted(Set.of("analytics"), read(cookieConsent(false, true, false)));
    }

    @Test
    void allAndNone() {
        assertGranted(ALL, read(cookieConsent(true, true, true)));
        assertGranted(Set.of(), read(cookieConsent(false, false, false)));
    }

    @Test
    void readsFullyEncodedAndDoubleQuotedForms() {
        assertGranted(Set.of("functionality"), read("%7Bstamp%3A%27abc%27%2Cnecessary%3Atrue%2Cpreferences%3Atrue"
                + "%2Cstatistics%3Afalse%2Cmarketing%3Afalse%7D"));
        assertGranted(Set.of("advertising"),
                read("{\"necessary\":true,\"preferences\":false,\"statistics\":false,\"marketing\":true}"));
    }

    @Test
    void toleratesNestedValuesItDoesNotNeed() {
        assertGranted(Set.of("analytics"), read("{stamp:'a',necessary:true,preferences:false,statistics:true,"
                + "marketing:false,extra:{a:[1,'}'],b:2},ver:1}"));
    }

    @Test
    void minusOneFollowsTheConfiguredMeaning() {
        assertAbsent(reader(CookiebotNoConsent.ABSENT).read(Inputs.cookie("CookieConsent", "-1")));
        assertGranted(ALL, reader(CookiebotNoConsent.ALL).read(Inputs.cookie("CookieConsent", "-1")));
        assertGranted(Set.of(), reader(CookiebotNoConsent.NONE).read(Inputs.cookie("CookieConsent", "-1")));
    }

    @Test
    void aStampOfMinusOneIsTheSameNoConsentRegionAsTheBareValue() {
        // newer Cookiebot writes the whole object in such regions, every category true; before, that was read as
        // the visitor's answer, so no_consent_region (and the opt-in default) was overridden (found by a review)
        String noConsentRegion = "{stamp:%27-1%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true"
                + "%2Cmarketing:true%2Cmethod:%27implied%27%2Cver:1%2Cutc:1695456095624%2Cregion:%27CN%27}";
        assertAbsent(reader(CookiebotNoConsent.ABSENT).read(Inputs.cookie("CookieConsent", noConsentRegion)));
        assertGranted(ALL, reader(CookiebotNoConsent.ALL).read(Inputs.cookie("CookieConsent", noConsentRegion)));
        assertGranted(Set.of(), reader(CookiebotNoConsent.NONE).read(Inputs.cookie("CookieConsent", noConsentRegion)));
    }

    @Test
    void malformedValues() {
        assertMalformed(read("{necessary:true,statistics:maybe}"));
        assertMalformed(read("{stamp:'a',method:'explicit'}"));
        assertMalformed(read("{necessary:true,statistics:true"));
        assertMalformed(read("{necessary:true,statistics:'unterminated}"));
        assertMalformed(read("{necessary:true,statistics:true,statistics:false}"));
        assertMalformed(read("necessary:true"));
        assertMalformed(read("{necessary:true,x:" + "[".repeat(100) + "}"));
        assertMalformed(read("{necessary:true}%E0%A4"));
    }

    @Test
    void oversizedAndDisagreeingDuplicatesAreMalformed() {
        assertMalformed(read("{stamp:'" + "a".repeat(5000) + "',necessary:true}"));
        assertMalformed(reader(CookiebotNoConsent.ABSENT).read(Inputs.request()
                .withCookie("CookieConsent", cookieConsent(false, true, false))
                .withCookie("CookieConsent", cookieConsent(false, true, true)).build()));
    }
}
