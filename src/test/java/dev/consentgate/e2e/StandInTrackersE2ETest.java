package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.demo.DemoSite;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

            Set<String> names = tab.cookies().stream().map(Tab.Cookie::name).collect(Collectors.toSet());
            NetworkLog network = tab.network();
            assertAll(
                    () -> assertEquals(List.of("gtm", "gtag", "fbevents"), ranInOrderOfFirstRun(tab,
                            List.of("gtm", "gtag", "fbevents")), "the page's own tags ran"),
                    () -> assertTrue(ran(tab).containsAll(List.of("analytics.js", "fb-signals")),
                            "the further tags the stand-ins load ran: " + ran(tab)),
                    () -> assertTrue(names.containsAll(Set.of("_ga", "_gid", "_fbp")),
                            "cookies set from JavaScript are in the jar: " + names),
                    () -> assertTrue(names.containsAll(Set.of("userId", "ktrace-context", "_hjSessionUser_3141592")),
                            "the upstream's unfiltered Set-Cookie fields landed: " + names),
                    () -> assertFalse(verdicts.nonEssential(tab.cookies()).isEmpty()),
                    () -> assertFalse(network.matching(r -> r.url.startsWith("https://www.google-analytics.com/g/collect"))
                            .isEmpty(), "the GA pixel fired"),
                    () -> assertFalse(network.matching(r -> r.url.startsWith("https://www.facebook.com/tr/"))
                            .isEmpty(), "the Meta pixel fired"),
                    () -> assertFalse(network.matching(r -> r.url.startsWith("https://www.youtube.com/api/stats/"))
                            .isEmpty(), "the YouTube embed ran inside its frame"),
                    () -> assertEquals("yes", tab.evaluate(
                            "document.documentElement.getAttribute('data-first-party-ran')"),
                            "the first-party script ran"),
                    () -> assertEquals(List.of(), tab.pageErrors(), "the page has no errors"));
        }
    }

    @Test
    void aRequestToAnyOtherHostIsAttemptedFailsAndIsLogged(BrowserLab.Lab lab) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(site.uri() + "/echo");
            tab.evaluate("new Promise(done => { const i = new Image(); i.onerror = i.onload = done;"
                    + " i.src = 'https://tracker.example.net/pixel.gif'; })");
            List<NetworkLog.Request> attempts = tab.network().toHosts(List.of("tracker.example.net"));
            assertEquals(1, attempts.size(), "attempted once: " + tab.network().all());
            assertEquals("net::ERR_NAME_NOT_RESOLVED", attempts.get(0).failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> ran(Tab tab) {
        Object value = tab.evaluate("window.__standIns || []");
        return (List<String>) value;
    }

    private static List<String> ranInOrderOfFirstRun(Tab tab, List<String> wanted) {
        return ran(tab).stream().filter(wanted::contains).distinct().sorted(
                java.util.Comparator.comparingInt(wanted::indexOf)).toList();
    }
}
