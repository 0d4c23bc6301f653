package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.ConsentSettings;
import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The gateway's own banner and Consent Mode defaults, injected into HTML as it streams. */
class BannerIntegrationTest {

    private static final String PAGE = "<!doctype html><html><head><title>Shop</title></head>"
            + "<body><p>Products</p><script>var s='</body>';</script></body></html>";

    private static final UnaryOperator<Ruleset> BANNER_AND_CONSENT_MODE = r -> {
        ConsentSettings c = r.consent();
        ConsentSettings.Banner b = c.banner();
        ConsentSettings withBanner = c.withBanner(new ConsentSettings.Banner(true, b.title(), b.text(),
                Optional.of("/cookie-policy"), b.stylesheetPath()));
        return r.withConsent(new ConsentSettings(withBanner.cookieName(), withBanner.revision(),
                withBanner.retention(), withBanner.sources(), withBanner.revisions(), withBanner.maps(),
                withBanner.tcf(), withBanner.regions(), withBanner.secretEnv(), withBanner.endpoint(),
                withBanner.banner(), withBanner.recordLog(), true, withBanner.gpcJson()));
    };

    private static RawClient.Response get(RunningGateway gateway, String path, String cookie) throws Exception {
        try (RawClient client = gateway.rawClient()) {
            return client.send("GET " + path + " HTTP/1.1\r\nHost: shop.test\r\n"
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").read();
        }
    }

    @Test
    void visitorWithoutAnAnswerGetsTheBannerBeforeTheBodyEndAndDeniedConsentModeDefaults() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Security-Policy: script-src 'nonce-r4nd0m' 'strict-dynamic'\r\n"
                + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE;
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), BANNER_AND_CONSENT_MODE)) {
            String html = get(gateway, "/products?page=2", "").bodyText();
            assertTrue(html.startsWith("<!doctype html><html><head><script nonce=\"r4nd0m\">window.dataLayer="),
                    html);
            assertTrue(html.contains("gtag('consent','default',{ad_storage:'denied',analytics_storage:'denied',"), html);
            int banner = html.indexOf("<section class=\"cg-banner\"");
            assertTrue(banner > html.indexOf("var s='</body>';</script>"), "banner must follow the script: " + html);
            assertTrue(html.endsWith("</section>\n</body></html>"), html);
            String bannerHtml = html.substring(banner);
            assertTrue(bannerHtml.contains("<form class=\"cg-form\" method=\"post\" action=\"/.consentgate/consent\">"));
            assertTrue(bannerHtml.contains("<input type=\"hidden\" name=\"return\" value=\"/products?page=2\"/>"),
                    bannerHtml);
            assertFalse(bannerHtml.contains("<script"), "the banner works without JavaScript");
            assertFalse(bannerHtml.contains("style="), "no inline styles: a strict CSP must allow the banner");
            RawClient.Response css = get(gateway, "/.consentgate/banner.css", "");
            assertEquals(200, css.status());
            assertTrue(css.headers("content-type").get(0).startsWith("text/css"));
        }
    }

    @Test
    void visitorWhoAnsweredGetsNoBannerAndConsentModeReflectsTheDecision() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + PAGE.length()
                + "\r\n\r\n" + PAGE;
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), BANNER_AND_CONSENT_MODE)) {
            String html = get(gateway, "/", "cg_consent=2025-12-16:analytics").bodyText();
            assertFalse(html.contains("cg-banner"), html);
            assertTrue(html.contains("{ad_storage:'denied',analytics_storage:'granted',"), html);
            String essentialOnly = get(gateway, "/", "cg_consent=2025-12-16:").bodyText();
            assertFalse(essentialOnly.contains("cg-banner"), "'essential only' is an answer too");
        }
    }

    @Test
    void aUtf16PageGetsTheBannerAndConsentModeDefaultsInItsOwnEncoding() throws Exception {
        byte[] utf16 = ("\uFEFF" + PAGE).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\nContent-Length: " + utf16.length
                + "\r\n\r\n";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(head
                + new String(utf16, java.nio.charset.StandardCharsets.ISO_8859_1)));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), BANNER_AND_CONSENT_MODE)) {
            // no answer: the banner; every category granted: the page passes whole but for the defaults
            for (String cookie : new String[] {"", "cg_consent=2025-12-16:analytics+advertising+functionality"}) {
                byte[] body = get(gateway, "/", cookie).body();
                String html = new String(body, java.nio.charset.StandardCharsets.UTF_16LE);
                assertTrue(html.startsWith("\uFEFF<!doctype html><html><head><script"), cookie + ": " + html);
                assertTrue(html.contains("gtag('consent','default',{ad_storage:"), cookie + ": " + html);
                assertEquals(cookie.isEmpty(), html.contains("<section class=\"cg-banner\""), cookie + ": " + html);
                assertTrue(html.endsWith("</body></html>"), cookie + ": " + html);
            }
        }
    }
}
