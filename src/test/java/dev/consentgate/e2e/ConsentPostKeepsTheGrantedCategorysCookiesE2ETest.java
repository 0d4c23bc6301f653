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
 * A visitor who granted analytics changes their answer in one POST to the consent endpoint: functionality granted,
 * analytics withdrawn. Chromium's jar keeps the functionality cookie and loses the analytics ones.
 */
@ExtendWith(BrowserLab.class)
class ConsentPostKeepsTheGrantedCategorysCookiesE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    /**
     * Before (found by a review): the 303 of the POST deleted __zlcmid (Zendesk Chat's identity, functionality,
     * already in the jar: written by a script of the page) along with _ga and _gid, although the same POST granted
     * functionality: the chat identity was gone the moment the visitor allowed it.
     */
    @Test
    void grantingFunctionalityWhileWithdrawingAnalyticsKeepsTheFunctionalityCookie(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(demo.home());
            tab.evaluateAndWaitForNavigation(ConsentPost.submitting("analytics"));
            tab.evaluate("document.cookie = '__zlcmid=1Abc; path=/; max-age=86400'");
            Set<String> before = DemoPage.cookieNames(tab);
            assertTrue(before.containsAll(Set.of("_ga", "_gid", "__zlcmid")),
                    "precondition: analytics cookies and __zlcmid in the jar: " + before);

            tab.evaluateAndWaitForNavigation(ConsentPost.submitting("functionality"));
            Evidence.save("consent-post-keeps-granted-category", tab);

            Set<String> after = DemoPage.cookieNames(tab);
            String consent = tab.cookies().stream().filter(c -> c.name().equals("cg_consent"))
                    .map(Tab.Cookie::value).findFirst().orElse("(none)");
            assertAll(
                    () -> assertEquals("2025-12-16:functionality", consent),
                    () -> assertTrue(after.contains("__zlcmid"), "the cookie of the category just granted: " + after),
                    () -> assertEquals(List.of(), verdicts.inCategory(tab.cookies(), "analytics"),
                            "analytics cookies left in the jar after withdrawal"));
        }
    }
}
