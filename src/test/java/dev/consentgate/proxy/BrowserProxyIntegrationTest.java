package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Listener;
import dev.consentgate.config.Ruleset;
import dev.consentgate.config.TagRule;
import dev.consentgate.consent.ConsentDecision;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.SiteTls;
import dev.consentgate.testing.TestUpstream;
import dev.consentgate.tls.CertificateAuthority;
import dev.consentgate.tls.SiteCertificates;
import dev.consentgate.tls.UpstreamTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser proxy end to end over real sockets and real TLS: a JDK HTTP client set to use it as its proxy, trusting
 * only the proxy's CA, fetches pages of a TLS site whose certificate the proxy verifies against the site's CA.
 */
class BrowserProxyIntegrationTest {

    private static final String PAGE = "<!doctype html><html><head>"
            + "<script async src=\"https://www.googletagmanager.com/gtm.js?id=GTM-TEST\"></script>"
            + "<script src=\"/app.js\"></script></head><body><p>Shop</p></body></html>";

    @TempDir
    Path dir;

    private SiteTls sites;
    private TestUpstream site;
    private GatewayServer proxy;
    private CertificateAuthority proxyCa;
    private final List<String> report = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sites = SiteTls.newCa(dir.resolve("sites"));
        site = TestUpstream.startTls(sites.serverContext("localhost"), TestUpstream.fixed("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Set-Cookie: _ga=GA1.1.5.6; Max-Age=63072000; Path=/\r\n"
                + "Set-Cookie: JSESSIONID=s1; Path=/; HttpOnly\r\n"
                + "Content-Length: " + PAGE.length() + "\r\n\r\n" + PAGE));
        proxyCa = CertificateAuthority.loadOrCreate(dir.resolve("proxy-ca"), Clock.systemUTC());
        proxy = startProxy(RunningGateway.defaultRuleset(), AuditLog.to(report::add, Clock.systemUTC()));
    }

    private GatewayServer startProxy(Ruleset ruleset, AuditLog audit) throws Exception {
        ConsentDecision essentialOnly = new ConsentDecision(Set.copyOf(ruleset.essentialCategories()), "test",
                Optional.empty(), false, Optional.empty());
        BrowseMode mode = new BrowseMode(essentialOnly, new SiteCertificates(proxyCa,
                ForkJoinPool.commonPool()), UpstreamTrust.clientContext(Optional.of(sites.caFile())), audit);
        return GatewayServer.start(new Gateway(ruleset.withListeners(List.of(new Listener("127.0.0.1", 0))),
                Clock.systemUTC(), mode));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        site.close();
    }

    private HttpClient browser() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(proxy.addresses().get(0)))
                .sslContext(SiteTls.trusting(proxyCa.certificate()))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return browser().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void interceptsHttpsAndEnforcesThePolicyForTheFixedConsent() throws Exception {
        HttpResponse<String> page = get("https://localhost:" + site.port() + "/",
                "Cookie", "_ga=GA1.1.1.2; JSESSIONID=s0", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");

        assertEquals(200, page.statusCode());
        // the browser saw a certificate of the proxy's CA for the site it asked for
        X509Certificate shown = (X509Certificate) page.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals(proxyCa.certificate().getSubjectX500Principal(), shown.getIssuerX500Principal());
        shown.verify(proxyCa.certificate().getPublicKey());
        // the tag manager cannot run, the site's own script can
        assertTrue(page.body().contains("type=\"text/plain\""), page.body());
        assertFalse(page.body().contains(" src=\"https://www.googletagmanager.com"), page.body());
        assertTrue(page.body().contains("<script src=\"/app.js\"></script>"), page.body());
        // the analytics cookie is neither set nor sent on; the session cookie is both
        assertEquals(List.of("JSESSIONID"), page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf('='))).filter(n -> !n.equals("_ga")).toList());
        assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("_ga=GA1.1.5.6")),
                page.headers().allValues("Set-Cookie").toString());
        TestUpstream.Received received = site.take();
        assertEquals(List.of("JSESSIONID=s0"), received.headers("Cookie"));
        // the sites are told nothing about the browser: no forwarding fields, no id that would link its requests
        assertTrue(received.headers("X-Forwarded-For").isEmpty(), received.head());
        assertTrue(received.headers("X-Request-Id").isEmpty(), received.head());

        // reported as they happened, before the response was finished
        String url = "https://localhost:" + site.port() + "/";
        assertTrue(report.stream().anyMatch(l -> l.contains("\"kind\":\"element\"") && l.contains("\"url\":\"" + url)
                && l.contains("\"host\":\"www.googletagmanager.com\"") && l.contains("\"action\":\"neutralized\"")),
                report.toString());
        assertTrue(report.stream().anyMatch(l -> l.contains("\"kind\":\"set-cookie\"") && l.contains("\"name\":\"_ga\"")
                && l.contains("\"action\":\"dropped\"")), report.toString());
        assertTrue(report.stream().anyMatch(l -> l.contains("\"kind\":\"cookie\"") && l.contains("\"name\":\"_ga\"")
                && l.contains("\"action\":\"removed\"")), report.toString());
        assertTrue(report.stream().noneMatch(l -> l.contains("JSESSIONID")), report.toString());
    }

    @Test
    void requestsToTagHostsAreAnsweredWithoutBeingSent() throws Exception {
        // www.google-analytics.com is not resolved, let alone connected to: the rule answers first
        HttpResponse<String> beacon = get("http://www.google-analytics.com/g/collect?v=2&tid=G-1",
                "Referer", "https://localhost:" + site.port() + "/");

        assertEquals(403, beacon.statusCode());
        assertTrue(beacon.body().contains("blocked by ConsentGate: google-analytics needs consent to analytics"),
                beacon.body());
        assertTrue(report.get(0).contains("\"kind\":\"request\"")
                && report.get(0).contains("\"url\":\"http://www.google-analytics.com/g/collect?v=2&tid=G-1\"")
                && report.get(0).contains("\"page\":\"https://localhost:" + site.port() + "/\"")
                && report.get(0).contains("\"category\":\"analytics\"")
                && report.get(0).contains("\"action\":\"blocked\""), report.get(0));
    }

    @Test
    void withoutAReportRequestsToTagHostsAreStillAnswered403() throws Exception {
        try (GatewayServer unreported = startProxy(RunningGateway.defaultRuleset(), AuditLog.NONE)) {
            HttpResponse<String> beacon = HttpClient.newBuilder().proxy(ProxySelector.of(unreported.addresses().get(0)))
                    .build().send(HttpRequest.newBuilder(URI.create("http://www.google-analytics.com/g/collect?v=2"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, beacon.statusCode(), beacon.body());
        }
    }

    @Test
    void aNavigationThePageStartsIsBlockedOneThePersonStartsIsLetThroughAndBothAreReported() throws Exception {
        // a rule naming the test site's host, so that a navigation the proxy lets through reaches a real site
        Ruleset defaults = RunningGateway.defaultRuleset();
        List<TagRule> rules = new ArrayList<>(defaults.tagRules());
        rules.add(0, new TagRule("test-tracker", Optional.of("localhost"), Optional.empty(), Optional.empty(),
                "analytics", Optional.empty(), "test"));
        Ruleset withTracker = new Ruleset(defaults.source(), defaults.listeners(), defaults.routes(), defaults.limits(),
                defaults.categories(), defaults.cookieRules(), defaults.undeclared(), defaults.consent(), rules,
                defaults.html(), defaults.tagLists(), defaults.fingerprint());
        List<String> lines = new CopyOnWriteArrayList<>();
        try (GatewayServer strict = startProxy(withTracker, AuditLog.to(lines::add, Clock.systemUTC()))) {
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .proxy(ProxySelector.of(strict.addresses().get(0)))
                    .sslContext(SiteTls.trusting(proxyCa.certificate())).build();
            String url = "https://localhost:" + site.port() + "/";
            // a script setting location, a meta refresh: no user activation, another site
            HttpResponse<String> byPage = browser.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                    .header("Sec-Fetch-Site", "cross-site").header("Referer", "https://news.example/")
                    .build(), HttpResponse.BodyHandlers.ofString());
            // a link the person clicked
            HttpResponse<String> byPerson = browser.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                    .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-User", "?1")
                    .header("Referer", "https://news.example/").build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(403, byPage.statusCode(), byPage.body());
            assertEquals(200, byPerson.statusCode(), byPerson.body());
            assertEquals(1, site.drain().size());
            assertTrue(lines.get(0).contains("\"kind\":\"request\"") && lines.get(0).contains("\"rule\":\"test-tracker\"")
                    && lines.get(0).contains("\"action\":\"blocked\""), lines.toString());
            assertTrue(lines.get(1).contains("\"kind\":\"navigation\"") && lines.get(1).contains("\"rule\":\"test-tracker\"")
                    && lines.get(1).contains("\"action\":\"allowed\""), lines.toString());
        }
    }

    @Test
    void aSiteWhoseCertificateDoesNotVerifyGetsA502NamingTls() throws Exception {
        SiteTls strangers = SiteTls.newCa(dir.resolve("strangers"));
        try (TestUpstream untrusted = TestUpstream.startTls(strangers.serverContext("localhost"),
                TestUpstream.fixed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"))) {
            HttpResponse<String> response = get("https://localhost:" + untrusted.port() + "/");

            assertEquals(502, response.statusCode());
            assertTrue(response.body().contains("TLS with the upstream localhost:" + untrusted.port() + " failed"),
                    response.body());
            assertTrue(untrusted.drain().isEmpty());
        }
    }

    @Test
    void aSiteCertificateForAnotherNameDoesNotVerify() throws Exception {
        // the site's certificate names localhost; asked for as 127.0.0.1, the proxy must refuse it
        HttpResponse<String> response = get("https://127.0.0.1:" + site.port() + "/");

        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("TLS with the upstream"), response.body());
        assertTrue(site.drain().isEmpty());
    }

    @Test
    void plainHttpInAbsoluteFormIsProxiedToo() throws Exception {
        try (TestUpstream plain = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html\r\nContent-Length: " + PAGE.length() + "\r\n\r\n" + PAGE))) {
            HttpResponse<String> page = get("http://localhost:" + plain.port() + "/shop");

            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("type=\"text/plain\""), page.body());
            assertEquals("GET /shop HTTP/1.1", plain.take().requestLine());
        }
    }

    @Test
    void aWebSocketInsideAnInterceptedTunnelKeepsBothTlsLayers() throws Exception {
        try (TestUpstream echo = TestUpstream.startTls(sites.serverContext("localhost"), (request, out, socket) -> {
                 out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
                         .getBytes(StandardCharsets.ISO_8859_1));
                 out.flush();
                 byte[] frame = socket.getInputStream().readNBytes(5);
                 out.write(("echo:" + new String(frame, StandardCharsets.ISO_8859_1))
                         .getBytes(StandardCharsets.ISO_8859_1));
                 out.flush();
             });
             Socket raw = new Socket()) {
            raw.connect(proxy.addresses().get(0), 10_000);
            raw.setSoTimeout(10_000);
            String authority = "localhost:" + echo.port();
            raw.getOutputStream().write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readHead(raw.getInputStream()).startsWith("HTTP/1.1 200 "));
            try (SSLSocket tls = (SSLSocket) SiteTls.trusting(proxyCa.certificate()).getSocketFactory()
                    .createSocket(raw, "localhost", echo.port(), true)) {
                tls.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: " + authority + "\r\nConnection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(readHead(tls.getInputStream()).startsWith("HTTP/1.1 101 "));
                tls.getOutputStream().write("hello".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("echo:hello", new String(tls.getInputStream().readNBytes(10), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void malformedOrMisaddressedRequestsGetA4xxAndTheConnectionCloses() throws Exception {
        InetSocketAddress address = proxy.addresses().get(0);
        try (RawClient client = new RawClient(address)) {
            RawClient.Response response = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(400, response.status());
            assertTrue(response.bodyText().contains("browser proxy"), response.bodyText());
            assertTrue(client.closedByPeer());
        }
        try (RawClient client = new RawClient(address)) {
            assertEquals(400, client.send("CONNECT localhost HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status());
            assertTrue(client.closedByPeer());
        }
        try (RawClient client = new RawClient(address)) {
            RawClient.Response response = client.send("CONNECT a%2fb:443 HTTP/1.1\r\nHost: a%2fb:443\r\n\r\n")
                    .read();
            assertEquals(400, response.status());
            assertTrue(client.closedByPeer());
        }
    }
}
