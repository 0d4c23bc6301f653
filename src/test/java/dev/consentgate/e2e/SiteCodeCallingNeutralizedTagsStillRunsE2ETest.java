package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Before (found by a review): under essential consent every call of the site's own code to a neutralized vendor's
 * global threw (ReferenceError: gtag is not defined, fbq, dataLayer, _paq, analytics, _hsq, ttq, hj, clarity;
 * TypeError for window.uetq.push and window.lintrk), so the site's bundle stopped at its first such call and a
 * button's {@code onclick="gtag('event', ...)"} did nothing after it.
 *
 * <p>A page with the common vendors' snippets (GA4's gtag, GTM, Meta's pixel, Matomo, UET, Segment, HubSpot, LinkedIn,
 * TikTok, Hotjar, Clarity) and a site bundle and a button handler that call their globals without a guard, loaded
 * in Chromium through the gateway.
 */
@ExtendWith(BrowserLab.class)
class SiteCodeCallingNeutralizedTagsStillRunsE2ETest {

    private static PagesBehindGateway pages;

    @BeforeAll
    static void start() throws Exception {
        byte[] page = resource("page.html");
        byte[] app = resource("app.js");
        pages = PagesBehindGateway.start(target -> switch (target) {
            case "/" -> PagesBehindGateway.Page.ok("Content-Type: text/html; charset=utf-8\r\n", page);
            case "/app.js" -> PagesBehindGateway.Page.ok("Content-Type: text/javascript\r\n", app);
            default -> null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (pages != null) {
            pages.close();
        }
    }

    @Test
    void underEssentialConsentTheSitesOwnCallsThrowNothingAndReachNoVendor(BrowserLab.Lab lab) {
        // Before (found by a review): all eleven calls threw, the bundle stopped at gtag(...) and appDone stayed
        // unset, and the button's handler threw "gtag is not defined" before setting signupClicked.
        try (Tab tab = lab.newTab()) {
            pages.consent(tab, "");
            tab.navigate(pages.gatewayOrigin() + "/");
            Object calls = tab.evaluate("JSON.stringify(window.vendorCalls)");
            Object failed = tab.evaluate("Object.entries(window.vendorCalls).filter(e => e[1] !== 'ok')"
                    + ".map(e => e.join(' -> '))");
            Object appDone = tab.evaluate("window.appDone === true");
            tab.click("document.getElementById('signup')");
            Object clicked = tab.evaluate("new Promise(r => setTimeout(() => r(window.signupClicked === true), 50))");
            List<String> errors = tab.pageErrors();
            List<String> elsewhere = tab.network().matching(r -> !r.url.startsWith(pages.gatewayOrigin())).stream()
                    .map(r -> r.url).toList();
            Evidence.save("site-code-calling-neutralized-tags", tab, List.of("calls: " + calls, "errors: " + errors));
            assertAll(
                    () -> assertEquals(List.of(), failed, "calls that threw, of " + calls),
                    () -> assertEquals(true, appDone, "the site's bundle ran to its end"),
                    () -> assertEquals(true, clicked, "the button's handler ran to its end"),
                    () -> assertEquals(List.of(), errors),
                    () -> assertEquals(List.of(), elsewhere, "requests to any other host than the site's"));
        }
    }

    /**
     * The site's consent tool re-activates each neutralized script after consent, without a reload, as such tools do
     * (a new script element with the kept type, address and text, in document order). Each vendor's own snippet then
     * runs as if no stand-in had been there: Meta's does not return early on the stand-in {@code fbq} and loads
     * fbevents.js, which sends the PageView its queue holds; GTM's and gtag's queue is a real array holding their
     * start; the others define their own functions and queues.
     */
    @Test
    void afterConsentTheReactivatedSnippetsDefineTheVendorsOwnGlobals(BrowserLab.Lab lab) throws Exception {
        // Before (found by a review): this held, as nothing stood in for the globals; with stand-ins that did not
        // step aside it failed for seven vendors (Meta's snippet returned early at if(f.fbq) and sent no PageView).
        try (Tab tab = lab.newTab()) {
            pages.consent(tab, "");
            tab.navigate(pages.gatewayOrigin() + "/");
            tab.evaluate("(() => { for (const old of Array.from(document.querySelectorAll('script[data-cg-type]'))) {"
                    + " const s = document.createElement('script');"
                    + " s.type = old.getAttribute('data-cg-type');"
                    + " if (old.hasAttribute('data-cg-src')) { s.src = old.getAttribute('data-cg-src'); s.async = true; }"
                    + " else { s.text = old.text; }"
                    + " old.replaceWith(s); } })()");
            tab.awaitNetworkIdle();
            Object state = tab.evaluate("JSON.stringify({"
                    + " standIns: ['gtag', 'gtm', 'fbevents'].every(n => (window.__standIns || []).includes(n)),"
                    + " fbq: typeof fbq === 'function' && fbq.version === '2.0' && Array.isArray(fbq.queue),"
                    + " dataLayer: Array.isArray(dataLayer) && dataLayer.push === Array.prototype.push"
                    + "   && dataLayer.some(e => e && e['gtm.start']) && dataLayer.some(e => e && e[0] === 'config'),"
                    + " gtag: String(gtag).includes('dataLayer.push'),"
                    + " _paq: Array.isArray(_paq) && _paq.some(e => e[0] === 'setTrackerUrl'),"
                    + " uetq: Array.isArray(window.uetq) && window.uetq.push === Array.prototype.push,"
                    + " analytics: analytics.invoked === true && analytics.SNIPPET_VERSION === '4.15.3',"
                    + " lintrk: Array.isArray(window.lintrk.q),"
                    + " ttq: !!(ttq._i && ttq._i.CTEST12345),"
                    + " hj: String(hj).includes('hj.q'),"
                    + " clarity: String(clarity).includes('.q')})");
            List<String> pageView = lab.trackers.awaitReceivedWith("www.facebook.com/tr/?id=1234567890&ev=PageView",
                    5_000);
            Evidence.save("site-code-calling-neutralized-tags-reactivated", tab, List.of("state: " + state));
            assertAll(
                    () -> assertEquals("{\"standIns\":true,\"fbq\":true,"
                            + "\"dataLayer\":true,\"gtag\":true,\"_paq\":true,\"uetq\":true,\"analytics\":true,"
                            + "\"lintrk\":true,\"ttq\":true,\"hj\":true,\"clarity\":true}", state),
                    () -> assertEquals(1, pageView.size(), "Meta's re-activated snippet sent its PageView"));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SiteCodeCallingNeutralizedTagsStillRunsE2ETest.class
                .getResourceAsStream("/e2e/vendor-calls/" + name)) {
            return in.readAllBytes();
        }
    }
}
