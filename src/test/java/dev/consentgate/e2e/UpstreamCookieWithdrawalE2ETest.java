package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The header half of scenario 3, JavaScript off: after consent is reduced to essential, the next page load makes
 * the browser delete the analytics cookies the upstream had set, the HttpOnly ktrace-context included, which no
 * script could ever reach. The demo's upstream sends the same Set-Cookie fields again on that load; the gateway
 * drops them and must still send the deletions.
 */
@ExtendWith(BrowserLab.class)
class UpstreamCookieWithdrawalE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    @Test
    void withdrawalDeletesHttpOnlyCookiesFromTheJar(BrowserLab.Lab lab) {
        String revision = demo.ruleset().consent().revision();
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.disableJavaScript();
            tab.setCookie(demo.origin(), "cg_consent", revision + ":analytics");
            tab.navigate(demo.home());
            assertTrue(UpstreamCookiesE2ETest.cookie(UpstreamCookiesE2ETest.siteCookies(tab), "ktrace-context")
                            .map(Tab.Cookie::httpOnly).orElse(false),
                    "precondition: the HttpOnly analytics cookie is in the jar: " + tab.cookies());

            tab.setCookie(demo.origin(), "cg_consent", revision + ":");
            tab.navigate(demo.home());
            Evidence.save("upstream-cookies-withdrawn", tab);

            assertEquals(List.of(), verdicts.inCategory(UpstreamCookiesE2ETest.siteCookies(tab), "analytics"),
                    "analytics cookies left after withdrawal");
        }
    }
}
