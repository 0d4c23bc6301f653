package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Google Consent Mode defaults written over several lines with comments, in the head of a page, for a visitor who has
 * not consented: Chromium runs them through the gateway as straight from the upstream (gtag defined, the defaults in
 * the data layer). The same defaults in a script that also configures the tag do not run through the gateway.
 */
@ExtendWith(BrowserLab.class)
class ConsentModeDefaultsInAnyLayoutE2ETest {

    private static final String DEFAULTS = "window.dataLayer = window.dataLayer || [];\n"
            + "function gtag(){dataLayer.push(arguments);}\n"
            + "gtag(\n  'consent', // Consent Mode v2\n  'default',\n  {\n    ad_storage: 'denied',\n"
            + "    analytics_storage: 'denied', /* until the visitor answers */\n    wait_for_update: 500,\n  },\n);\n";

    private static final Map<String, String> PAGES = Map.of(
            "/defaults", "<script>\n" + DEFAULTS + "</script>",
            "/defaults-and-config", "<script>\n" + DEFAULTS + "gtag(\n  'js',\n  new Date(),\n);\n"
                    + "gtag(\n  'config',\n  'G-ABC123',\n);\n</script>");

    /** What the page's scripts left: the type of gtag, and the first data layer entry's arguments. */
    private static final String RAN = "typeof gtag + '|' + (window.dataLayer && dataLayer.length"
            + " ? Array.from(dataLayer[0]).slice(0, 2).join(',') : 'none')";

    @AutoClose
    private static PagesBehindGateway site;

    @BeforeAll
    static void start() throws Exception {
        site = PagesBehindGateway.start(path -> {
            String page = PAGES.get(path);
            return page == null ? null : PagesBehindGateway.Page.html(
                    "<!DOCTYPE html><html><head><title>t</title>" + page + "</head><body><p>x</p></body></html>");
        });
    }

    private static Object ran(BrowserLab.Lab lab, String url, String evidence) {
        try (Tab tab = lab.newTab()) {
            tab.navigate(url);
            Evidence.save(evidence, tab);
            return tab.evaluate(RAN);
        }
    }

    /**
     * Before (found by a review): through the gateway the script was neutralized as google-gtag-inline, gtag was
     * undefined ("undefined|none"), so a consent manager's update calls would throw and the tags it loads once the
     * visitor consents would run without the denied defaults.
     */
    @Test
    void defaultsOverSeveralLinesRunThroughTheGatewayAsStraightFromTheUpstream(BrowserLab.Lab lab) {
        String direct = site.upstreamOrigin() + "/defaults";
        assertEquals("function|consent,default", ran(lab, direct, "consent-mode-layout-direct"));
        assertEquals("function|consent,default", ran(lab, site.gatewayOrigin() + "/defaults",
                "consent-mode-layout-gateway"));
    }

    /**
     * Fail closed, as before the fix: a script that also configures the tag does not run without consent (its data
     * layer stays empty). The gtag that is there is the gateway's stand-in after the neutralized script (see
     * TagSurrogates), which keeps nothing; before the stand-ins it was undefined ("undefined|none").
     */
    @Test
    void theSameDefaultsConfiguringTheTagDoNotRunThroughTheGateway(BrowserLab.Lab lab) {
        String direct = site.upstreamOrigin() + "/defaults-and-config";
        assertEquals("function|consent,default", ran(lab, direct, "consent-mode-config-direct"));
        assertEquals("function|none", ran(lab, site.gatewayOrigin() + "/defaults-and-config",
                "consent-mode-config-gateway"));
    }
}
