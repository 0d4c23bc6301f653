package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 2 of issue 6, through the consent endpoint: the page posts the form a site's own consent UI would
 * (POST /.consentgate/consent, categories=analytics, return=/), the gateway answers 303 back to the page; after a
 * reload _ga is in the jar, the analytics stand-in ran, the advertising one did not. Needs the consent endpoint of
 * issue 4 and the tag removal of issue 3.
 */
@ExtendWith(BrowserLab.class)
class ConsentEndpointE2ETest {

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    @Test
    void postingAnalyticsConsentLetsOnlyAnalyticsRun(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(demo.home());
            tab.evaluateAndWaitForNavigation(ConsentPost.submitting("analytics"));
            NetworkLog.Request post = tab.network().matching(r -> r.method.equals("POST")).get(0);
            tab.reload();
            Evidence.save("endpoint-analytics-accepted", tab, List.of("consent posted: " + post));

            assertEquals(303, post.status, "the endpoint answers 303: " + post);
            DemoPage.assertAnalyticsGrantedAdvertisingNot(tab, verdicts);
        }
    }
}
