package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import org.junit.jupiter.api.Test;

/** The counters at /.consentgate/metrics follow what happened: forwarded, refused, failed, rewritten, malformed. */
class MetricsIntegrationTest {

    @Test
    void countersReflectTheExchangesSoFar() throws Exception {
        String html = "<script src=\"https://www.googletagmanager.com/gtm.js\"></script>";
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().contains("/close")) {
                socket.close();
                return;
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + html.length() + "\r\n\r\n"
                    + html).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            try (RawClient client = gateway.rawClient()) {
                client.send("GET /page HTTP/1.1\r\nHost: a\r\nCookie: cg_consent=nonsense\r\n\r\n").read();
            }
            try (RawClient client = gateway.rawClient()) {
                assertEquals(502, client.send("POST /close HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
                        .read().status());
            }
            try (RawClient client = gateway.rawClient()) {
                assertEquals(400, client.send("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n").read().status());
            }
            try (RawClient client = gateway.rawClient()) {
                RawClient.Response r = client.send("GET /.consentgate/metrics HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertEquals(200, r.status());
                String text = r.bodyText();
                assertTrue(text.contains("\nconsentgate_html_rewritten_total 1\n"), text);
                assertTrue(text.contains("\nconsentgate_upstream_failures_total 1\n"), text);
                assertTrue(text.contains("\nconsentgate_requests_refused_total 1\n"), text);
                assertTrue(text.contains("\nconsentgate_consent_malformed_total{source=\"cg_consent\"} 1\n"), text);
                // three exchanges above, and this metrics request itself
                assertTrue(text.contains("\nconsentgate_requests_total 4\n"), text);
                assertTrue(text.contains("\nconsentgate_html_passed_over_limit_total 0\n"), text);
            }
        }
    }

    @Test
    void aRequestThatTimesOutIsCountedAsRefused() throws Exception {
        // found by a probe (2026-12-02): the 408 went out, but was neither logged nor counted
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 204 No Content\r\n\r\n"));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), r -> r.withLimits(r.limits().withTimeouts(
                     java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5),
                     java.time.Duration.ofSeconds(5))))) {
            try (RawClient client = gateway.rawClient()) {
                assertEquals(408, client.send("GET / HTTP/1.1\r\nHost: a\r\n").read().status());
            }
            try (RawClient client = gateway.rawClient()) {
                String text = client.send("GET /.consentgate/metrics HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText();
                assertTrue(text.contains("\nconsentgate_requests_refused_total 1\n"), text);
            }
        }
    }

    @Test
    void elementsASizeLimitLetThroughUnjudgedAreCounted() throws Exception {
        // two inline scripts past the default inspect limit (256 KiB), which pass unjudged as the issue asks, and one
        // short one, judged
        String longScript = "<script>var text = \"" + "a".repeat(300 * 1024) + "\";</script>";
        String html = "<p>" + longScript + "<script>var n = 1;</script>" + longScript;
        TestUpstream.Responder responder = (request, out, socket) -> out.write(("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html\r\nContent-Length: " + html.length() + "\r\n\r\n" + html)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            try (RawClient client = gateway.rawClient()) {
                RawClient.Response page = client.send("GET /page HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertEquals(html, page.bodyText());
            }
            try (RawClient client = gateway.rawClient()) {
                String text = client.send("GET /.consentgate/metrics HTTP/1.1\r\nHost: a\r\n\r\n").read()
                        .bodyText();
                assertTrue(text.contains("\nconsentgate_html_passed_over_limit_total 2\n"), text);
            }
        }
    }
}
