package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the browser shows about the demo page: which stand-ins ran, whether its own script ran, the verdicts. */
final class DemoPage {

    /** Names the advertising stand-ins report (Meta Pixel and its config). */
    static final List<String> ADVERTISING_STAND_INS = List.of("fbevents", "fb-signals");

    private DemoPage() {
    }

    @SuppressWarnings("unchecked")
    static List<String> standInsThatRan(Tab tab) {
        return (List<String>) tab.evaluate("Array.from(window.__standIns || [])");
    }

    /** The DOM marker the demo's first-party app.js leaves. */
    static boolean firstPartyScriptRan(Tab tab) {
        return "yes".equals(tab.evaluate("document.documentElement.getAttribute('data-first-party-ran')"));
    }

    static Set<String> cookieNames(Tab tab) {
        return tab.cookies().stream().map(Tab.Cookie::name).collect(Collectors.toSet());
    }

    /**
     * The outcome of analytics consent (scenarios 2 and 4): _ga in the jar, the analytics stand-in ran and sent
     * its hit, the advertising stand-in never ran and nothing was ever requested from an advertising host.
     */
    static void assertAnalyticsGrantedAdvertisingNot(Tab tab, CookieVerdicts verdicts) {
        List<String> ran = standInsThatRan(tab);
        Set<String> jar = cookieNames(tab);
        assertAll(
                () -> assertTrue(jar.contains("_ga"), "_ga is in the jar: " + jar),
                () -> assertTrue(ran.contains("gtag"), "the analytics stand-in ran: " + ran),
                () -> assertFalse(tab.network().toHosts(List.of(StandInTrackers.GOOGLE_ANALYTICS)).isEmpty(),
                        "the analytics stand-in reached Google Analytics"),
                () -> assertEquals(List.of(), ran.stream().filter(ADVERTISING_STAND_INS::contains).toList(),
                        "the advertising stand-in did not run"),
                () -> assertEquals(List.of(), tab.network().toHosts(StandInTrackers.ADVERTISING_HOSTS),
                        "no request to an advertising host"),
                () -> assertEquals(List.of(), verdicts.inCategory(tab.cookies(), "advertising"),
                        "no advertising cookie in the jar"),
                () -> assertTrue(firstPartyScriptRan(tab), "the first-party script ran"));
    }
}
