package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 3 of issue 6: a visitor who had granted analytics reduces consent to essential; after the next page load
 * the jar holds no analytics cookie, neither those the stand-in tags set from JavaScript (_ga, _ga_*, _gid) nor the
 * HttpOnly one the upstream set (ktrace-context). Consent changes once by rewriting the gateway's own cg_consent
 * cookie in the jar, once through the consent endpoint (POST categories= for essential only). Needs the tag
 * removal of issue 3 (else the analytics stand-in runs again and sets _ga anew) and, for the second, the consent
 * endpoint of issue 4.
 */
@ExtendWith(BrowserLab.class)
class WithdrawalE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    @Test
    void withdrawingAnalyticsRemovesItsCookiesFromTheJar(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        String consentCookie = demo.ruleset().consent().cookieName();
        String revision = demo.ruleset().consent().revision();
        try (Tab tab = lab.newTab()) {
            tab.setCookie(demo.origin(), consentCookie, revision + ":analytics");
            tab.navigate(demo.home());
            Evidence.save("withdrawal-1-analytics-granted", tab);
            Set<String> granted = DemoPage.cookieNames(tab);
            boolean httpOnlyTrace = tab.cookies().stream()
                    .anyMatch(c -> c.name().equals("ktrace-context") && c.httpOnly());
            // Without these the withdrawal below would have nothing to remove and prove nothing.
            assertAll("analytics cookies present before the withdrawal",
                    () -> assertTrue(granted.containsAll(Set.of("_ga", "_ga_DEMO12345", "_gid")), "" + granted),
                    () -> assertTrue(httpOnlyTrace, "HttpOnly ktrace-context from the upstream: " + tab.cookies()),
                    () -> assertTrue(DemoPage.standInsThatRan(tab).contains("gtag"), "the analytics stand-in ran"));

            tab.setCookie(demo.origin(), consentCookie, revision + ":");
            tab.navigate(demo.home());
            Evidence.save("withdrawal-2-essential-only", tab);

            assertEquals(List.of(), verdicts.inCategory(tab.cookies(), "analytics"),
                    "analytics cookies left in the jar after withdrawal");
        }
    }

    /**
     * With the HTTP cache on: the page made under full consent is in the cache when the visitor withdraws, and the
     * browser revalidates it (the demo site answers conditions as a static file server does). The gateway must not
     * let a 304 bring that page back; the next load of the page made for the new choice is a 304, which shows that
     * the browser did revalidate.
     */
    @Test
    void aPageCachedUnderConsentIsNotBroughtBackAfterTheWithdrawal(BrowserLab.Lab lab) {
        String consentCookie = demo.ruleset().consent().cookieName();
        String revision = demo.ruleset().consent().revision();
        try (Tab tab = lab.newTab()) {
            tab.useHttpCache();
            tab.setCookie(demo.origin(), consentCookie, revision + ":functionality+analytics+advertising");
            tab.navigate(demo.home());
            assertEquals(List.of(200), documentStatuses(tab), "first load");
            assertTrue(DemoPage.standInsThatRan(tab).contains("gtag"), "precondition: the analytics stand-in ran");

            tab.setCookie(demo.origin(), consentCookie, revision + ":");
            tab.navigate(demo.home());
            Evidence.save("withdrawal-cached-page", tab);
            assertEquals(List.of(200, 200), documentStatuses(tab), "after the withdrawal the page is sent anew");
            assertEquals(List.of(), DemoPage.standInsThatRan(tab), "a stand-in ran after the withdrawal");

            tab.navigate(demo.home());
            assertEquals(List.of(200, 200, 304), documentStatuses(tab), "the same choice revalidates its page");
            assertEquals(List.of(), DemoPage.standInsThatRan(tab));
        }
    }

    /**
     * The statuses the server sent for each load of the home page, in order (the embed's frame is a document too).
     */
    private static List<Integer> documentStatuses(Tab tab) {
        return tab.network().matching(r -> r.type.equals("Document") && r.url.equals(demo.home())).stream()
                .map(r -> r.networkStatus).toList();
    }

    @Test
    void withdrawingThroughTheConsentEndpointRemovesAnalyticsCookies(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(demo.home());
            tab.evaluateAndWaitForNavigation(ConsentPost.submitting("analytics"));
            Set<String> granted = DemoPage.cookieNames(tab);
            assertTrue(granted.containsAll(Set.of("_ga", "_gid", "ktrace-context")),
                    "precondition: analytics cookies in the jar after granting analytics: " + granted);

            tab.evaluateAndWaitForNavigation(ConsentPost.submitting(""));
            tab.navigate(demo.home());
            Evidence.save("withdrawal-through-endpoint", tab);

            assertEquals(List.of(), verdicts.inCategory(tab.cookies(), "analytics"),
                    "analytics cookies left in the jar after withdrawal through the endpoint");
        }
    }
}
