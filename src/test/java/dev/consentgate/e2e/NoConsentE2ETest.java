package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 1 of issue 6: a visitor without consent loads the demo site through the gateway. Once the network is
 * idle the jar holds essential cookies only (HttpOnly ones included), not one request went to a tracker host, the
 * page's own script ran and the rewrite caused no errors in the page. Needs the HTML rewriting of issue 3: without
 * it the stand-in tags run and set _ga and _fbp from JavaScript.
 */
@ExtendWith(BrowserLab.class)
class NoConsentE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    @Test
    void onlyEssentialCookiesLandAndNoTrackerIsEverAsked(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(demo.home());
            Evidence.save("no-consent", tab);

            assertAll(
                    () -> assertEquals(List.of(), verdicts.nonEssential(tab.cookies()),
                            "non-essential cookies in the jar"),
                    () -> assertTrue(DemoPage.cookieNames(tab).contains("JSESSIONID"),
                            "the essential HttpOnly session cookie still landed: " + tab.cookies()),
                    () -> assertEquals(List.of(), tab.network().toHosts(StandInTrackers.HOSTS),
                            "requests to tracker hosts"),
                    () -> assertEquals(List.of(), DemoPage.standInsThatRan(tab), "stand-in tags that ran"),
                    () -> assertTrue(DemoPage.firstPartyScriptRan(tab), "the first-party script ran"),
                    () -> assertEquals(List.of(), tab.pageErrors(), "errors in the page"));
        }
    }
}
