package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.demo.DemoSite;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control for every other browser scenario: the demo site loaded directly, without the gateway. Here the
 * stand-in trackers must run, set their cookies, load their further tags and fire their pixels, and an unknown
 * host must show up as an attempted, failed request. If this did not hold, "zero tracker requests" and "no _ga"
 * through the gateway would prove nothing.
 */
@ExtendWith(BrowserLab.class)
class StandInTrackersE2ETest {

    private static DemoSite site;

    @BeforeAll
    static void startSite() throws Exception {
        site = DemoSite.start(0);
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void withoutTheGatewayEveryTrackerRunsAndSetsItsCookies(BrowserLab.Lab lab) throws Exception {
        CookieVerdicts verdicts = new CookieVerdicts(GatewayInFront.defaultRuleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(site.uri() + "/");
            Evidence.save("direct-without-gateway", tab);

            Set<String> names = DemoPage.cookieNames(tab);
            List<String> ran = DemoPage.standInsThatRan(tab);
            NetworkLog network = tab.network();
            assertAll(
                    () -> assertTrue(ran.containsAll(List.of("gtm", "gtag", "fbevents")),
                            "the page's tags ran: " + ran),
                    () -> assertTrue(ran.containsAll(List.of("analytics.js", "fb-signals")),
                            "the further tags the stand-ins load ran: " + ran),
                    () -> assertTrue(names.containsAll(Set.of("_ga", "_gid", "_fbp")),
                            "cookies set from JavaScript are in the jar: " + names),
                    () -> assertTrue(names.containsAll(Set.of("YSC", "VISITOR_INFO1_LIVE", "fr")),
                            "the third parties' own cookies (embed, pixel) are in the jar: " + names),
                    () -> assertTrue(names.containsAll(Set.of("userId", "ktrace-context", "_hjSessionUser_3141592")),
                            "the upstream's unfiltered Set-Cookie fields landed: " + names),
                    () -> assertFalse(verdicts.nonEssential(tab.cookies()).isEmpty()),
                    () -> assertFalse(network.matching(r -> r.url.startsWith("https://www.google-analytics.com/g/collect"))
                            .isEmpty(), "the GA pixel fired"),
                    () -> assertFalse(network.matching(r -> r.url.startsWith("https://www.facebook.com/tr/"))
                            .isEmpty(), "the Meta pixel fired"),
                    () -> assertFalse(network.matching(r -> r.url.startsWith("https://www.youtube.com/api/stats/"))
                            .isEmpty(), "the YouTube embed ran inside its frame"),
                    () -> assertTrue(DemoPage.firstPartyScriptRan(tab), "the first-party script ran"),
                    () -> assertEquals(List.of(), tab.pageErrors(), "the page has no errors"));
        }
    }

    @Test
    void aRequestToAnyOtherHostIsAttemptedFailsAndIsLogged(BrowserLab.Lab lab) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(site.uri() + "/echo");
            tab.evaluate("new Promise(done => { const i = new Image(); i.onerror = i.onload = done;"
                    + " i.src = 'https://tracker.example.net/pixel.gif'; })");
            tab.awaitNetworkIdle();
            List<NetworkLog.Request> attempts = tab.network().toHosts(List.of("tracker.example.net"));
            assertEquals(1, attempts.size(), "attempted once: " + tab.network().all());
            assertEquals("net::ERR_NAME_NOT_RESOLVED", attempts.get(0).failure);
        }
    }
}
