package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A visitor who granted analytics opens the choices page (where a placeholder's "Allow ..." link leads), ticks
 * functionality with a real click and presses "Save choices": analytics stays granted.
 */
@ExtendWith(BrowserLab.class)
class ChoicesPageKeepsGrantedCategoriesE2ETest {

    private static final String BOX = "document.querySelector('input[type=checkbox][name=categories][value=%s]')";
    private static final String SAVE = "document.querySelector('[type=submit][name=choice][value=custom]')";

    @RegisterExtension
    static final DemoThroughGateway demo = DemoThroughGateway.withDefaultRuleset();

    /**
     * Before (found by a review): the choices page showed every box unticked, so Chromium posted
     * categories=functionality alone: cg_consent became "2025-12-16:functionality", analytics withdrawn.
     */
    @Test
    void allowingOneMoreCategoryKeepsTheOthers(BrowserLab.Lab lab) {
        CookieVerdicts verdicts = new CookieVerdicts(demo.ruleset());
        try (Tab tab = lab.newTab()) {
            tab.navigate(demo.home());
            tab.evaluateAndWaitForNavigation(ConsentPost.submitting("analytics"));
            tab.navigate(demo.origin() + ConsentPost.ENDPOINT);
            Object analyticsShown = tab.evaluate(BOX.formatted("analytics") + ".checked");
            tab.click(BOX.formatted("functionality"));
            tab.clickAndWaitForNavigation(SAVE);
            tab.reload();
            String consent = tab.cookies().stream().filter(c -> c.name().equals("cg_consent"))
                    .map(Tab.Cookie::value).findFirst().orElse("(none)");
            Evidence.save("choices-page-one-more-category", tab, List.of("cg_consent=" + consent));

            assertEquals("2025-12-16:analytics+functionality", consent);
            assertEquals(Boolean.TRUE, analyticsShown, "the choices page showed analytics as granted");
            DemoPage.assertAnalyticsGrantedAdvertisingNot(tab, verdicts);
        }
    }
}
