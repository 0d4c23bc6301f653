package dev.consentgate.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Listener;
import dev.consentgate.config.Ruleset;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.proxy.AuditLog;
import dev.consentgate.proxy.BrowseMode;
import dev.consentgate.proxy.Gateway;
import dev.consentgate.proxy.GatewayServer;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.SiteTls;
import dev.consentgate.testing.TestUpstream;
import dev.consentgate.tls.CertificateAuthority;
import dev.consentgate.tls.SiteCertificates;
import dev.consentgate.tls.UpstreamTrust;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser proxy as a QA engineer uses it: real Chromium set to browse through it, resolving no name itself and
 * accepting the intercepted sites' certificates only by the proxy's site key (no --ignore-certificate-errors), loads
 * a TLS site as a visitor who consented to nothing. The site's tag manager never loads, the beacon its own script
 * sends to an analytics host is answered by the proxy and never leaves it, the analytics cookie never lands, and
 * each of these is in the report.
 */
class BrowserProxyE2ETest {

    private static final String PAGE = "<!doctype html><html><head><title>Shop</title>"
            + "<script async src=\"https://www.googletagmanager.com/gtm.js?id=GTM-E2E\"></script>"
            + "<script src=\"/app.js\"></script></head><body><p>Shop</p></body></html>";
    private static final String APP = "window.firstPartyRan = true;"
            + "new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=G-E2E';";

    @TempDir
    Path dir;

    @Test
    void aVisitorWithoutConsentGetsNoTagNoBeaconAndNoAnalyticsCookie() throws Exception {
        Chromium.assumeAvailable();
        SiteTls sites = SiteTls.newCa(dir.resolve("sites"));
        Ruleset ruleset = RunningGateway.defaultRuleset().withListeners(List.of(new Listener("127.0.0.1", 0)));
        ConsentDecision nothing = new ConsentDecision(Set.copyOf(ruleset.essentialCategories()), "test",
                Optional.empty(), false, Optional.empty());
        SiteCertificates certificates = new SiteCertificates(
                CertificateAuthority.loadOrCreate(dir.resolve("proxy-ca"), Clock.systemUTC()), ForkJoinPool.commonPool());
        List<String> report = new CopyOnWriteArrayList<>();
        BrowseMode mode = new BrowseMode(nothing, certificates,
                UpstreamTrust.clientContext(Optional.of(sites.caFile())), AuditLog.to(report::add, Clock.systemUTC()));
        String spki = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificates.siteKey().getEncoded()));

        try (TestUpstream site = TestUpstream.startTls(sites.serverContext("localhost"), BrowserProxyE2ETest::serve);
             GatewayServer proxy = GatewayServer.start(new Gateway(ruleset, Clock.systemUTC(), mode));
             Chromium chromium = Chromium.launchThroughProxy("127.0.0.1:" + proxy.addresses().get(0).getPort(), spki);
             Tab tab = chromium.newTab()) {
            String home = "https://localhost:" + site.port() + "/";
            tab.navigate(home);
            Evidence.save("browser-proxy", tab);

            List<String> cookieNames = tab.cookies().stream().map(Tab.Cookie::name).toList();
            List<NetworkLog.Request> beacons = tab.network().toHosts(List.of("www.google-analytics.com"));
            assertAll(
                    () -> assertEquals(Boolean.TRUE, tab.evaluate("window.firstPartyRan === true"),
                            "the site's own script ran"),
                    () -> assertEquals(Boolean.TRUE, tab.evaluate(
                            "document.querySelector('script[data-cg-src*=\"googletagmanager\"]').type === 'text/plain'"),
                            "the tag manager's script is inert"),
                    () -> assertEquals(List.of(), tab.network().toHosts(List.of("www.googletagmanager.com")),
                            "requests for the tag manager"),
                    () -> assertEquals(1, beacons.size(), "the beacon was asked for once: " + beacons),
                    () -> assertEquals(403, beacons.get(0).status, "the proxy answered the beacon: " + beacons),
                    () -> assertTrue(cookieNames.contains("JSESSIONID"), "the session cookie landed: " + cookieNames),
                    () -> assertFalse(cookieNames.contains("_ga"), "the analytics cookie landed: " + cookieNames),
                    () -> assertEquals(List.of("GET /", "GET /app.js"), site.drain().stream()
                            .map(r -> r.requestLine().substring(0, r.requestLine().lastIndexOf(' ')))
                            .filter(r -> !r.equals("GET /favicon.ico")).toList(),
                            "what reached the site (besides the browser's own favicon request)"),
                    () -> assertTrue(report.stream().anyMatch(l -> l.contains("\"kind\":\"request\"")
                            && l.contains("www.google-analytics.com/g/collect") && l.contains("\"page\":\"" + home)),
                            "the blocked beacon is reported: " + report),
                    () -> assertTrue(report.stream().anyMatch(l -> l.contains("\"kind\":\"element\"")
                            && l.contains("\"host\":\"www.googletagmanager.com\"")), "the inert tag is reported"),
                    () -> assertTrue(report.stream().anyMatch(l -> l.contains("\"kind\":\"set-cookie\"")
                            && l.contains("\"name\":\"_ga\"")), "the dropped cookie is reported"));
        }
    }

    private static void serve(TestUpstream.Received request, OutputStream out, java.net.Socket socket)
            throws Exception {
        boolean script = request.requestLine().startsWith("GET /app.js ");
        byte[] body = (script ? APP : PAGE).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + (script ? "text/javascript" : "text/html; charset=utf-8")
                + "\r\n" + (script ? "" : "Set-Cookie: _ga=GA1.1.5.6; Max-Age=63072000; Path=/\r\n"
                + "Set-Cookie: JSESSIONID=s1; Path=/; HttpOnly; Secure\r\n")
                + "Cache-Control: no-store\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }
}
