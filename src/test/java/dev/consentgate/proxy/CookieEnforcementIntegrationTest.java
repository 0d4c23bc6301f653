package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acceptance: an upstream that sets userId, _ga, _fbp and JSESSIONID, behind the gateway. */
class CookieEnforcementIntegrationTest {

    private static final String SETS_COOKIES = """
            HTTP/1.1 200 OK\r
            Content-Type: text/plain\r
            Set-Cookie: userId=42; Max-Age=31536000; Path=/\r
            Set-Cookie: _ga=GA1.1.5.6; Max-Age=63072000; Path=/; Domain=example.test\r
            Set-Cookie: _fbp=fb.1.2.3; Max-Age=7776000; Path=/\r
            Set-Cookie: JSESSIONID=s1; Path=/; HttpOnly\r
            Content-Length: 2\r
            \r
            ok""";

    private static TestUpstream upstream;
    private static RunningGateway gateway;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        upstream = TestUpstream.start(TestUpstream.fixed(SETS_COOKIES));
        gateway = RunningGateway.in(upstream.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    private static HttpResponse<String> get(String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/page"));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutConsentOnlyTheEssentialCookieReachesTheBrowser() throws Exception {
        HttpResponse<String> response = get(null);
        assertEquals(200, response.statusCode());
        assertEquals(List.of("JSESSIONID=s1; Path=/; HttpOnly"), response.headers().allValues("set-cookie"));
        assertEquals("ok", response.body());
        upstream.drain();
    }

    @Test
    void withConsentGrantedCookiesArriveCappedAndAdvertisingNever() throws Exception {
        HttpResponse<String> response = get("cg_consent=2025-12-16:functionality+analytics");
        assertEquals(List.of(
                "userId=42; Max-Age=2592000; Path=/",
                "_ga=GA1.1.5.6; Max-Age=63072000; Path=/; Domain=example.test",
                "JSESSIONID=s1; Path=/; HttpOnly"), response.headers().allValues("set-cookie"));
        upstream.drain();
    }

    @Test
    void consentUnderAnOlderRevisionCountsAsNone() throws Exception {
        HttpResponse<String> response = get("cg_consent=2024-01-01:functionality+analytics+advertising");
        assertEquals(List.of("JSESSIONID=s1; Path=/; HttpOnly"), response.headers().allValues("set-cookie"));
        upstream.drain();
    }

    @Test
    void malformedAndDisagreeingConsentCookiesCountAsNone() throws Exception {
        for (String cookie : List.of("cg_consent=garbage", "cg_consent=2025-12-16:analytics+bogus",
                "cg_consent=2025-12-16:analytics; cg_consent=2025-12-16:advertising")) {
            HttpResponse<String> response = get(cookie);
            assertEquals(List.of("JSESSIONID=s1; Path=/; HttpOnly"), response.headers().allValues("set-cookie"),
                    cookie);
        }
        upstream.drain();
    }

    @Test
    void nonConsentedRequestCookieNeverReachesTheUpstreamAndIsDeleted() throws Exception {
        upstream.drain();
        HttpResponse<String> response = get("_ga=GA1.1.1.1; JSESSIONID=abc");
        TestUpstream.Received received = upstream.take();
        assertEquals(List.of("JSESSIONID=abc"), received.headers("cookie"));
        assertTrue(response.headers().allValues("set-cookie").stream()
                .anyMatch(c -> c.startsWith("_ga=; Max-Age=0;")), response.headers().allValues("set-cookie").toString());
    }

    @Test
    void keptCookiesStayByteForByteAndInOrderAcrossSeveralCookieFields() throws Exception {
        upstream.drain();
        try (RawClient client = gateway.rawClient()) {
            client.send("GET /x HTTP/1.1\r\nHost: shop.test\r\nCookie: a_sid=1;  JSESSIONID=\"q v\"; _fbp=x\r\n"
                    + "Cookie: _gcl_au=1\r\nCookie: csrftoken=t;XSRF-TOKEN=y\r\n\r\n");
            client.read();
        }
        TestUpstream.Received received = upstream.take();
        assertEquals(List.of("JSESSIONID=\"q v\"", "csrftoken=t;XSRF-TOKEN=y"), received.headers("cookie"));
    }

    @Test
    void requestWithOnlyRefusedCookiesHasNoCookieHeaderUpstream() throws Exception {
        upstream.drain();
        get("_ga=1; _fbp=2");
        assertEquals(List.of(), upstream.take().headers("cookie"));
    }
}
