package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 2 of issue 6, through the banner: the visitor ticks analytics in the gateway's own banner and saves, with
 * real mouse clicks; after a reload _ga is in the jar, the analytics stand-in ran, the advertising one did not.
 * Needs the banner of issue 4 injected into HTML (switched on as --demo does; it rides on the HTML rewriting path)
 * and the tag removal of issue 3.
 */
@ExtendWith(BrowserLab.class)
class ConsentBannerE2ETest {

    /** The banner's form: the one posting to the consent endpoint. */
    private static final String FORM = "[...document.querySelectorAll('form')].find(f => "
            + "new URL(f.getAttribute('action') || '', location.href).pathname === '/.consentgate/consent')";
    private static final String ANALYTICS_BOX = "(" + FORM
            + ")?.querySelector('input[type=checkbox][name=categories][value=analytics]')";
    /** The button that saves exactly what is ticked ("Save choices"); else the form's first submit button. */
    private static final String SAVE = "((f) => f && (f.querySelector('[type=submit][name=choice][value=custom]')"
            + " || f.querySelector('[type=submit]')))(" + FORM + ")";

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withBanner();

    @Test
    void acceptingAnalyticsInTheBannerLetsOnlyAnalyticsRun(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(demo.home());
            Evidence.save("banner-1-before-consent", tab);
            assertNotNull(tab.evaluate("(" + ANALYTICS_BOX + ") ? true : null"),
                    "the page shows the banner with an analytics choice (a form posting to /.consentgate/consent)");

            tab.click(ANALYTICS_BOX);
            assertEquals(Boolean.TRUE, tab.evaluate("(" + ANALYTICS_BOX + ").checked"), "analytics is ticked");
            tab.clickAndWaitForNavigation(SAVE);
            tab.reload();
            Evidence.save("banner-2-analytics-accepted", tab);

            DemoPage.assertAnalyticsGrantedAdvertisingNot(tab, verdicts);
        }
    }
}
