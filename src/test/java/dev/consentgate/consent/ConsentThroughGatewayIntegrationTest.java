package dev.consentgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4's acceptance through a running gateway with the default ruleset: each CMP format drives enforcement. */
class ConsentThroughGatewayIntegrationTest {

    private static final String UPSTREAM_RESPONSE = "HTTP/1.1 200 OK\r\n"
            + "Set-Cookie: _ga=GA1.1.5.6; Max-Age=63072000; Path=/\r\n"
            + "Set-Cookie: _fbp=fb.1.2.3; Max-Age=7776000; Path=/\r\n"
            + "Set-Cookie: JSESSIONID=s1; Path=/\r\nContent-Length: 0\r\n\r\n";

    private record Case(String name, String cookie, String grantedJson, boolean advertising) {
    }

    private static final List<Case> CASES = List.of(
            new Case("OneTrust C0002 only", "OptanonConsent="
                    + OneTrustReaderTest.optanon("C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0"),
                    "[\"essential\",\"analytics\"]", false),
            new Case("Cookiebot statistics", "CookieConsent=" + CookiebotReaderTest.cookieConsent(false, true, false),
                    "[\"essential\",\"analytics\"]", false),
            new Case("cc_cookie necessary+analytics", "cc_cookie="
                    + CmpJsonReadersTest.ccCookie("\"necessary\",\"analytics\""), "[\"essential\",\"analytics\"]",
                    false),
            new Case("CookieYes analytics:yes", "cookieyes-consent=consentid:abc,consent:yes,action:yes,"
                    + "necessary:yes,functional:no,analytics:yes,performance:no,advertisement:no",
                    "[\"essential\",\"analytics\"]", false),
            new Case("TCF purposes 1-11", "euconsent-v2=" + TcfEncoder.core(880, TcfReaderTest.purposes(1, 11), "DE")
                    .vendorBitfield(4, Set.of(1, 2, 3, 4)).encode(), "[\"essential\",\"advertising\",\"analytics\"]",
                    true));

    private static TestUpstream upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = TestUpstream.start(TestUpstream.fixed(UPSTREAM_RESPONSE));
        gateway = RunningGateway.in(upstream.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    private static RawClient.Response get(String path, String cookie, boolean gpc) throws Exception {
        try (RawClient client = gateway.rawClient()) {
            return client.send("GET " + path + " HTTP/1.1\r\nHost: shop.test\r\nCookie: " + cookie + "; _ga=old; _fbp=old\r\n"
                    + (gpc ? "Sec-GPC: 1\r\n" : "") + "\r\n").read();
        }
    }

    @Test
    void consentEndpointReportsEachCmpDecisionAndGpcRemovesAdvertising() throws Exception {
        for (Case c : CASES) {
            String json = get("/.consentgate/consent", c.cookie(), false).bodyText();
            assertTrue(json.startsWith("{\"granted\":" + c.grantedJson() + ","), c.name() + ": " + json);
            assertTrue(json.contains("\"gpc\":false"), json);
            String withGpc = get("/.consentgate/consent", c.cookie(), true).bodyText();
            assertTrue(withGpc.startsWith("{\"granted\":[\"essential\",\"analytics\"],"), c.name() + " + GPC: " + withGpc);
            assertTrue(withGpc.contains("\"gpc\":true"), withGpc);
        }
        assertEquals(List.of(), upstream.drain(), "the consent endpoint is never proxied");
    }

    @Test
    void setCookieAndRequestCookiesFollowEachCmpDecision() throws Exception {
        for (Case c : CASES) {
            for (boolean gpc : List.of(false, true)) {
                upstream.drain();
                RawClient.Response r = get("/page", c.cookie(), gpc);
                boolean ads = c.advertising() && !gpc;
                List<String> setCookies = r.headers("set-cookie");
                String label = c.name() + (gpc ? " + GPC" : "") + ": " + setCookies;
                assertTrue(setCookies.contains("_ga=GA1.1.5.6; Max-Age=63072000; Path=/"), label);
                assertEquals(ads, setCookies.contains("_fbp=fb.1.2.3; Max-Age=7776000; Path=/"), label);
                assertEquals(!ads, setCookies.stream().anyMatch(s -> s.startsWith("_fbp=; Max-Age=0")), label);
                String sent = String.join("; ", upstream.take().headers("cookie"));
                assertTrue(sent.contains("_ga=old"), label);
                assertEquals(ads, sent.contains("_fbp=old"), label + " upstream got " + sent);
            }
        }
    }

    @Test
    void postingTheFormSetsTheConsentCookieAndRedirectsToTheSameSite() throws Exception {
        try (RawClient client = gateway.rawClient()) {
            String body = "categories=analytics&categories=functionality&return=%2Fproducts%3Fid%3D2";
            RawClient.Response r = client.send("POST /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\n"
                    + "Origin: http://shop.test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Cookie: _fbp=old\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).read();
            assertEquals(303, r.status());
            assertEquals(List.of("/products?id=2"), r.headers("location"));
            String consent = r.headers("set-cookie").get(0);
            assertTrue(consent.startsWith("cg_consent=2025-12-16:analytics+functionality;")
                    || consent.startsWith("cg_consent=2025-12-16:functionality+analytics;"), consent);
            assertTrue(consent.contains("SameSite=Lax"), consent);
        }
    }

    @Test
    void behindATlsFrontTheConsentCookieIsSecure() throws Exception {
        // TLS ends at a proxy in front of the gateway, which says so in X-Forwarded-Proto; before (found by a
        // review), cg_consent never got Secure there, so any plain-HTTP response for the domain could overwrite it
        String body = "categories=analytics";
        try (RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("POST /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\n"
                    + "Origin: https://shop.test\r\nX-Forwarded-Proto: https\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).read();
            assertEquals(200, r.status());
            assertTrue(r.headers("set-cookie").get(0).endsWith("; Secure"), r.headers("set-cookie").toString());
        }
        try (RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("POST /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\n"
                    + "Origin: http://shop.test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).read();
            assertFalse(r.headers("set-cookie").get(0).contains("Secure"), r.headers("set-cookie").toString());
        }
    }

    @Test
    void crossSitePostIsRefused() throws Exception {
        try (RawClient client = gateway.rawClient()) {
            String body = "categories=advertising";
            RawClient.Response r = client.send("POST /.consentgate/consent HTTP/1.1\r\nHost: shop.test\r\n"
                    + "Origin: https://evil.example\r\nSec-Fetch-Site: cross-site\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).read();
            assertEquals(403, r.status());
            assertEquals(List.of(), r.headers("set-cookie"));
        }
    }

    @Test
    void aBrowserOpeningTheEndpointGetsTheChoicesFormReturningToItsPage() throws Exception {
        try (RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("GET /.consentgate/consent?category=functionality HTTP/1.1\r\n"
                    + "Host: shop.test\r\nAccept: text/html,application/xhtml+xml\r\n"
                    + "Referer: http://shop.test/products/k2?colour=black\r\n\r\n").read();
            assertEquals(200, r.status());
            assertTrue(r.headers("content-type").get(0).startsWith("text/html"));
            String page = r.bodyText();
            assertTrue(page.contains("<form class=\"cg-form\" method=\"post\" action=\"/.consentgate/consent\">"), page);
            assertTrue(page.contains("name=\"return\" value=\"/products/k2?colour=black\""), page);
            assertTrue(page.contains("value=\"functionality\""), page);
        }
    }
}
