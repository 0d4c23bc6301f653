package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.config.ConsentSettings.SourceMaps;
import dev.consentgate.config.Ruleset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The site runs cookieconsent with {@code revision: 3} (the ruleset says so in {@code consent.cc_cookie.revision});
 * the visitor's cc_cookie accepted analytics. Under revision 3 the analytics tag runs; under revision 2, which
 * cookieconsent itself takes as void (it shows its banner again), nothing non-essential runs or stays in the jar.
 */
@ExtendWith(BrowserLab.class)
class OutdatedCcCookieRevisionE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withRuleset(() -> {
        Ruleset ruleset = GatewayInFront.defaultRuleset();
        SourceMaps m = ruleset.consent().maps();
        return ruleset.withConsent(ruleset.consent().withMaps(new SourceMaps(m.onetrustGroups(), m.cookiebot(),
                m.cookiebotNoConsent(), m.ccCookie(), OptionalLong.of(3), m.cookieyes(), m.complianz(),
                m.klaroServices(), m.tarteaucitronServices(), m.didomiPurposes())));
    });

    /** A cc_cookie as cookieconsent v3 writes it (URL-encoded JSON) accepting analytics, under the given revision. */
    private static String ccCookie(int revision) {
        return URLEncoder.encode("{\"categories\":[\"necessary\",\"analytics\"],\"revision\":" + revision
                + ",\"data\":null,\"consentTimestamp\":\"2025-06-02T09:14:07.312Z\",\"consentId\":"
                + "\"0b5e8c3a-7f41-4a0e-9d1c-2f6f0e6d9a11\",\"services\":{\"analytics\":[]},"
                + "\"lastConsentTimestamp\":\"2025-06-02T09:14:07.312Z\",\"expirationTime\":1924992000000}",
                StandardCharsets.UTF_8);
    }

    @Test
    void aCookieOfTheCurrentRevisionGrantsAnalytics(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.setCookie(demo.origin(), "cc_cookie", ccCookie(3));
            tab.navigate(demo.home());
            Evidence.save("cc-cookie-current-revision", tab);
            DemoPage.assertAnalyticsGrantedAdvertisingNot(tab, verdicts);
        }
    }

    /**
     * Before (found by a review): the gateway read the cookie as consent to analytics: in Chromium the GTM, gtag and
     * analytics.js stand-ins ran and _ga, _gid, _ga_DEMO12345 and ktrace-context were set, although cookieconsent
     * takes that consent as void and shows its banner again.
     */
    @Test
    void aCookieOfAnOlderRevisionGrantsNothing(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.setCookie(demo.origin(), "cc_cookie", ccCookie(2));
            tab.navigate(demo.home());
            Evidence.save("cc-cookie-older-revision", tab);
            assertAll(
                    () -> assertEquals(List.of(), DemoPage.standInsThatRan(tab), "stand-ins that ran"),
                    () -> assertEquals(List.of(), verdicts.inCategory(tab.cookies(), "analytics"),
                            "analytics cookies in the jar"));
        }
    }
}
