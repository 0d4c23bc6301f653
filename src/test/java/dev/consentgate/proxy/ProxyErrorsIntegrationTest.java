package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each error status the gateway produces itself, and how faults mid-response reach the client. */
class ProxyErrorsIntegrationTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private static UnaryOperator<Ruleset> limits(Duration headerRead, Duration connect, Duration response) {
        return r -> {
            return r.withLimits(r.limits().withMaxBodyBytes(1000)
                    .withTimeouts(headerRead, connect, response, Duration.ofSeconds(2)));
        };
    }

    private static RawClient.Response exchange(RunningGateway gateway, String raw) throws IOException {
        try (RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send(raw).read();
            assertTrue(client.closedByPeer(), "connection must be closed after " + r.status() + " for " + raw);
            return r;
        }
    }

    @Test
    void oversizedRequestLineIs414AndHeaderBlockOrCountIs431() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            assertEquals(414, exchange(gateway, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: a\r\n\r\n").status());
            assertEquals(431, exchange(gateway, "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(17000)
                    + "\r\n\r\n").status());
            StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: a\r\n");
            for (int i = 0; i < 101; i++) {
                many.append("X-H").append(i).append(": v\r\n");
            }
            RawClient.Response tooMany = exchange(gateway, many.append("\r\n").toString());
            assertEquals(431, tooMany.status());
            assertTrue(tooMany.bodyText().contains("more than 100 header fields"), tooMany.bodyText());
            assertEquals(List.of(), upstream.drain());
        }
    }

    @Test
    void malformedRequestsAre400AndNeverReachTheUpstream() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            for (String bad : List.of("GET / HTTP/1.1\r\n\r\n",
                    "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                    "GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n",
                    "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                    "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")) {
                RawClient.Response r = exchange(gateway, bad);
                assertEquals(400, r.status(), bad);
                assertTrue(r.headers("content-type").get(0).startsWith("text/plain"));
            }
            assertEquals(List.of(), upstream.drain());
        }
    }

    @Test
    void declaredBodyOverTheLimitIs413BeforeTheBodyIsRead() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(),
                     limits(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(60)))) {
            assertEquals(413, exchange(gateway, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n").status());
            assertEquals(List.of(), upstream.drain());
        }
    }

    @Test
    void headersTrickledSlowerThanTheDeadlineGet408() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(),
                     limits(Duration.ofMillis(600), Duration.ofSeconds(5), Duration.ofSeconds(60)));
             RawClient client = gateway.rawClient()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\n");
            RawClient.Response r = client.read();
            assertEquals(408, r.status());
            assertTrue(client.closedByPeer());
        }
    }

    @Test
    void refusedUpstreamIs502() throws Exception {
        URI closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        try (RunningGateway gateway = RunningGateway.in(closedPort); RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(502, r.status());
            assertTrue(r.bodyText().contains("refused"), r.bodyText());
            // the client connection is still usable after a gateway error on a complete request
            assertEquals(502, client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
        }
    }

    @Test
    void upstreamThatNeverAcceptsIs504() throws Exception {
        // A listening socket whose accept queue is full drops further SYNs: connecting hangs until the timeout.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket();
                try {
                    s.connect(full.getLocalSocketAddress(), 200);
                } catch (IOException e) {
                    // queue already full
                }
                fillers.add(s);
            }
            try (RunningGateway gateway = RunningGateway.in(URI.create("http://127.0.0.1:" + full.getLocalPort()),
                    limits(Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(60)));
                 RawClient client = gateway.rawClient()) {
                RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertEquals(504, r.status());
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void upstreamSilentAfterTheRequestIs504() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestUpstream upstream = TestUpstream.start((request, out, socket) -> release.await(20, TimeUnit.SECONDS));
             RunningGateway gateway = RunningGateway.in(upstream.uri(),
                     limits(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMillis(500)));
             RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(504, r.status());
            assertTrue(r.bodyText().contains("no response headers"), r.bodyText());
        } finally {
            release.countDown();
        }
    }

    @Test
    void upstreamClosingBeforeHeadersIs502() throws Exception {
        try (TestUpstream upstream = TestUpstream.start((request, out, socket) -> socket.close());
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            assertEquals(502, client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
        }
    }

    @Test
    void upstreamResetMidBodyAbortsTheClientConnection() throws Exception {
        TestUpstream.Responder truncated = (request, out, socket) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[5000]);
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
        TestUpstream.Responder truncatedChunked = (request, out, socket) -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[4096]);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        };
        for (TestUpstream.Responder responder : List.of(truncated, truncatedChunked)) {
            try (TestUpstream upstream = TestUpstream.start(responder);
                 RunningGateway gateway = RunningGateway.in(upstream.uri());
                 RawClient client = gateway.rawClient()) {
                client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").readAborted().ifPresent(r ->
                        assertFalse(r.complete(), "a truncated body must not end cleanly"));
            }
        }
    }

    @Test
    void aTruncatedBodyToAnHttp10ClientEndsInAReset() throws Exception {
        // found by a probe (2026-12-02): to an HTTP/1.0 client the body ends with the connection, and a plain FIN
        // after a truncated one looked like its end
        TestUpstream.Responder truncatedChunked = (request, out, socket) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[4096]);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        };
        try (TestUpstream upstream = TestUpstream.start(truncatedChunked);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            try {
                RawClient.Response r = client.send("GET / HTTP/1.0\r\n\r\n").read();
                fail("a truncated body ended cleanly: " + r.head() + " and " + r.body().length + " bytes");
            } catch (java.net.SocketException reset) {
                // the client sees the break
            }
        }
    }

    @Test
    void malformedUpstreamResponseIs502() throws Exception {
        assertEquals(502, FixedUpstreamBehindGateway.response("HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\n\r\n").status());
    }

    @Test
    void aStatusCodeThatIsNotThreeDigitsFrom100To599Is502() throws Exception {
        // found by a probe (2026-12-02): "099" passed a page on unjudged (a code below 200 was taken for no final
        // response), and "2000", "20" or "1000" were relayed, "0200" and "+200" re-spelled 200
        String page = "<html><head><script async src=\"https://www.googletagmanager.com/gtag/js?id=G-X\"></script>"
                + "</head><body>p</body></html>";
        for (String code : List.of("099", "2000", "20", "1000", "0200", "+200", "600", "20x")) {
            RawClient.Response r = FixedUpstreamBehindGateway.response("HTTP/1.1 " + code + " X\r\n"
                    + "Content-Type: text/html\r\nContent-Length: " + page.length() + "\r\n\r\n" + page,
                    "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(502, r.status(), code);
            assertFalse(r.bodyText().contains("googletagmanager"), code);
        }
    }

    @Test
    void aMalformedResponseOnAReusedConnectionIsNotTakenForAClosedOne() throws Exception {
        // found by a probe (2026-12-02): the obs-fold was taken for a connection the upstream had closed, and the
        // request was sent a second time on a fresh one
        TestUpstream.Responder responder = (request, out, socket) -> out.write((request.requestLine()
                .startsWith("GET /first") ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                : "HTTP/1.1 200 OK\r\nX-A: a\r\n Set-Cookie: _ga=1\r\nContent-Length: 2\r\n\r\nok")
                .getBytes(StandardCharsets.ISO_8859_1));
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            assertEquals(200, client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
            RawClient.Response second = client.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(502, second.status());
            assertTrue(second.bodyText().contains("malformed"), second.bodyText());
            assertEquals(2, upstream.drain().size(), "the upstream got the second request twice");
        }
    }

    @Test
    void aTransferCodingOtherThanChunkedIs502() throws Exception {
        // found by a probe (2026-12-02): "identity" was relayed beside the chunked the gateway added, and a page in
        // "gzip, chunked" went on as plain chunks of compressed bytes, unjudged
        for (String codings : List.of("identity", "gzip, chunked", "chunked, chunked")) {
            RawClient.Response r = FixedUpstreamBehindGateway.response("HTTP/1.1 200 OK\r\nContent-Type: text/html"
                    + "\r\nTransfer-Encoding: " + codings + "\r\n\r\n0\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(502, r.status(), codings);
        }
    }

    @Test
    void upstreamResponsesWithAmbiguousFramingFoldedOrOversizedHeadersAre502() throws Exception {
        for (String response : List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nSet-Cookie: JSESSIONID=1\r\n ; _fbp=2\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(70_000) + "\r\nContent-Length: 0\r\n\r\n")) {
            RawClient.Response r = FixedUpstreamBehindGateway.response(response, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(502, r.status(), response.substring(0, 60));
            assertEquals(List.of(), r.headers("set-cookie"));
        }
    }
}
