package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Limits;
import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.FixedUpstreamBehindGateway;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The relay keeps exchanges apart and ends each one: bytes an upstream sends beyond a response's framing (also while
 * the client is slow to take the response's end), a connection it announces closed, a body it stalls, a trailer, a
 * 101 nobody asked for, the client's own close, pipelining and a slow upload. Each test failed before the fixes of
 * 2026-11-29 (e5b1006 and 7d9976b), the trickled upload's before the body deadline of 2026-11-30. Requests that must share an upstream pool share an event loop: connections are
 * spread over the worker loops round robin, so of N consecutive connections (N loops) exactly one lands on the loop
 * of the connection opened just before them.
 */
class RelayIsolationIntegrationTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The number of worker event loops of the running gateway (one upstream pool per loop and route). */
    private static int workerLoops(RunningGateway gateway) {
        return gateway.server().eventLoops();
    }

    private static UnaryOperator<Ruleset> maxConnections(int max) {
        return r -> r.withRoutes(List.of(r.routes().get(0).withMaxConnections(max)));
    }

    /** Waits (polling a counter: nothing else can be waited on) until the gateway has taken {@code n} requests. */
    private static void awaitRequests(Gateway gateway, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gateway.metrics().requests.sum() < n) {
            assertTrue(System.nanoTime() < deadline, "the gateway took only " + gateway.metrics().requests.sum()
                    + " of " + n + " requests");
            Thread.sleep(5);
        }
    }

    /**
     * The upstream sends more than the response's framing covers, in the same packet: the connection is closed, not
     * handed to the visitor waiting for a pool slot. Before e5b1006 that visitor got those bytes as its response:
     * another visitor's Set-Cookie and body.
     */
    @Test
    void bytesBeyondAResponseAreNeverHandedToTheVisitorWaitingForThatConnection() throws Exception {
        CountDownLatch answerAlice = new CountDownLatch(1);
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().startsWith("GET /alice ")) {
                answerAlice.await(10, TimeUnit.SECONDS);
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        + "HTTP/1.1 200 OK\r\nSet-Cookie: JSESSIONID=alice-session; Path=/\r\n"
                        + "Content-Length: 13\r\n\r\nalice-private"));
            } else {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nbob"));
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder)) {
            Gateway gw = new Gateway(maxConnections(1).apply(RunningGateway.defaultRuleset(upstream.uri())),
                    Clock.systemUTC());
            try (RunningGateway gateway = RunningGateway.serving(gw);
                 RawClient alice = gateway.rawClient()) {
                alice.send("GET /alice HTTP/1.1\r\nHost: a\r\n\r\n");
                upstream.take(); // alice holds the only upstream connection of her loop
                List<RawClient> bobs = new ArrayList<>();
                try {
                    int loops = workerLoops(gateway);
                    for (int i = 0; i < loops; i++) {
                        bobs.add(gateway.rawClient().send("GET /bob HTTP/1.1\r\nHost: a\r\n\r\n"));
                    }
                    // one bob shares alice's loop and now waits for her connection
                    awaitRequests(gw, 1 + loops);
                    answerAlice.countDown();
                    assertEquals("ok", alice.read().bodyText());
                    for (RawClient bob : bobs) {
                        RawClient.Response r = bob.read();
                        assertEquals(List.of(), r.headers("set-cookie"), "bob got alice's cookie: " + r.head());
                        assertEquals("bob", r.bodyText());
                    }
                } finally {
                    for (RawClient bob : bobs) {
                        bob.close();
                    }
                }
            }
        }
    }

    /** The same with pipelining: the bytes never become the response to the connection's next request. */
    @Test
    void bytesBeyondAResponseAreNeverTakenForTheNextPipelinedRequestsResponse() throws Exception {
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().startsWith("GET /first ")) {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled"));
            } else {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond"));
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\nGET /second HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals("ok", client.read().bodyText());
            assertEquals("second", client.read().bodyText());
        }
    }

    /**
     * A 204 whose upstream also sent a body (no line end in it): the connection holding those bytes is not reused.
     * Before e5b1006 the next request on it (any visitor's) got 502 although its upstream answered 200.
     */
    @Test
    void aPooledConnectionHoldingLeftoverBytesIsNotReused() throws Exception {
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().startsWith("DELETE ")) {
                out.write(ascii("HTTP/1.1 204 No Content\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"));
            } else {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext"));
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            assertEquals(204, client.send("DELETE /item/1 HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
            RawClient.Response next = client.send("GET /next HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(200, next.status(), next.head() + next.bodyText());
            assertEquals("next", next.bodyText());
        }
    }

    /**
     * The upstream answered with Connection: close (and will close; its FIN is still on the way): the connection is
     * not pooled. Before e5b1006 the next visitor's POST was sent on it and failed with 502.
     */
    @Test
    void anUpstreamConnectionAnnouncedClosedIsNotReused() throws Exception {
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().startsWith("GET ")) {
                out.write(ascii("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));
            } else if (request.connection() == 1) {
                // RFC 9112 9.6: a server that sent close processes nothing more on that connection
                socket.close();
            } else {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nsaved"));
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            try (RawClient first = gateway.rawClient()) {
                assertEquals("ok", first.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n").read().bodyText());
            }
            int loops = workerLoops(gateway);
            for (int i = 0; i < loops; i++) {
                try (RawClient client = gateway.rawClient()) {
                    RawClient.Response r = client.send("POST /order HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
                            .read();
                    assertEquals(200, r.status(), "POST " + i + ": " + r.head() + r.bodyText());
                }
            }
            upstream.take();
            for (TestUpstream.Received later : upstream.drain()) {
                assertNotEquals(1, later.connection(), "a request was sent on the connection the upstream closed");
            }
        }
    }

    /**
     * RFC 9112 9.6: a client that sends Connection: close gets it back and the connection closed after the response.
     * Before e5b1006 the field was removed (removeHopByHop) before it was read, so the close was never seen.
     */
    @Test
    void anHttp11ClientAskingForCloseHasItsConnectionClosedAfterTheResponse() throws Exception {
        FixedUpstreamBehindGateway.withClient("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", (upstream, client) -> {
            client.socket().setSoTimeout(5_000);
            RawClient.Response r = client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").read();
            assertEquals("ok", r.bodyText());
            assertEquals(List.of("close"), r.headers("connection"), r.head());
            assertTrue(client.closedByPeer(), "the connection stayed open after the response");
        });
    }

    /** Set-Cookie in a chunked response's trailer section is judged like one in the head (or dropped). */
    @Test
    void setCookieInAResponseTrailerDoesNotPassUnjudged() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\nSet-Cookie: _fbp=fb.1.trailer; Max-Age=7776000; Path=/\r\n\r\n";
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(response));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             java.net.Socket client = new java.net.Socket("127.0.0.1", gateway.address().getPort())) {
            client.setSoTimeout(5_000);
            client.getOutputStream().write(ascii("GET /api HTTP/1.1\r\nHost: a\r\nTE: trailers\r\nConnection: close\r\n\r\n"));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = client.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            // read until the terminating chunk and its trailer section have arrived
            while (!got.toString(StandardCharsets.ISO_8859_1).matches("(?s).*\r\n0\r\n.*\r\n\r\n")
                    && (n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
            }
            String raw = got.toString(StandardCharsets.ISO_8859_1);
            assertTrue(raw.contains("\r\n0\r\n"), raw);
            assertTrue(!raw.contains("_fbp"), "an advertising cookie passed in the trailer:\n" + raw);
        }
    }

    /**
     * An upstream that sends a head and part of the body, then nothing: the exchange is aborted after the response
     * timeout of silence. Before e5b1006 no timer covered the body, so the visitor's connection and the pool slot
     * were held for as long as the upstream kept the socket open.
     */
    @Test
    void anUpstreamStalledMidBodyDoesNotHoldTheExchangeForever() throws Exception {
        CountDownLatch endOfTest = new CountDownLatch(1);
        TestUpstream.Responder stalls = (request, out, socket) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 10\r\n\r\nhalf"));
            out.flush();
            endOfTest.await(30, TimeUnit.SECONDS);
        };
        try (TestUpstream upstream = TestUpstream.start(stalls);
             RunningGateway gateway = RunningGateway.in(upstream.uri(), r -> r.withLimits(r.limits().withTimeouts(
                     java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1),
                     java.time.Duration.ofSeconds(5))));
             RawClient client = gateway.rawClient()) {
            client.socket().setSoTimeout(8_000);
            client.send("GET /download HTTP/1.1\r\nHost: a\r\n\r\n");
            java.util.Optional<RawClient.Response> r;
            try {
                r = client.readAborted();
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("8s after the upstream stalled (response timeout 1s) the visitor still waits");
            }
            // (a reset, which the client sees as such, or a body that stopped short)
            r.ifPresent(response -> assertTrue(!response.complete(), "a stalled body must end in an abort, not look whole"));
        } finally {
            endOfTest.countDown();
        }
    }

    /**
     * With max_pipelined_requests: 1 (the lowest the loader accepts) the limit holds back the next head, not the
     * body of the request in flight. Before e5b1006 the pause held back that body and the exchange waited forever.
     */
    @Test
    void aRequestBodyIsNotHeldBackByTheLimitOfPipelinedHeads() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), r -> {
                 dev.consentgate.config.Limits l = r.limits();
                 return r.withLimits(new dev.consentgate.config.Limits(l.maxRequestLine(), l.maxHeaderBytes(),
                         l.maxHeaderCount(), l.maxBodyBytes(), l.headerReadTimeout(), l.keepAliveTimeout(),
                         l.upstreamConnectTimeout(), l.upstreamResponseTimeout(), l.shutdownGrace(), l.maxConnections(),
                         l.maxDecompressedBytes(), l.maxCompressionRatio(), l.bodyIdleTimeout(), 1,
                         l.bodyReadTimeout()));
             });
             RawClient client = gateway.rawClient()) {
            client.socket().setSoTimeout(8_000);
            client.send("POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
            RawClient.Response r;
            try {
                r = client.read();
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no response to a 5-byte POST within 8s; the upstream received "
                        + upstream.drain().size() + " requests");
            }
            assertEquals("ok", r.bodyText());
            assertEquals("hello", upstream.take().bodyText());
        }
    }

    /**
     * A body fault in a pipelined request is not charged to the exchange in progress: the earlier, valid request
     * gets its response. Before e5b1006 it got the 400 instead (its upstream connection cut mid-work).
     */
    @Test
    void aBodyFaultInAPipelinedRequestDoesNotReplaceTheResponseToTheRequestBeforeIt() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        TestUpstream.Responder responder = (request, out, socket) -> {
            answer.await(10, TimeUnit.SECONDS);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst"));
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /second HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n");
            // the fault is seen in the same read as both heads: the valid GET is not even sent upstream
            RawClient.Response first;
            try {
                answer.countDown();
                first = client.read();
            } finally {
                answer.countDown();
            }
            assertEquals(200, first.status(), first.head() + first.bodyText());
            assertEquals("first", first.bodyText());
        }
    }

    /**
     * A 101 to a request that asked for no upgrade is a 502, and its connection (whose decoder has switched to raw
     * bytes) is closed. Before e5b1006 the 101 was relayed and the connection pooled, so the next request on it
     * failed.
     */
    @Test
    void anUnaskedFor101IsRefusedAndItsConnectionNotPooled() throws Exception {
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().startsWith("GET /upgrade ")) {
                out.write(ascii("HTTP/1.1 101 Switching Protocols\r\n\r\n"));
            } else {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nsaved"));
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            RawClient.Response odd = client.send("GET /upgrade HTTP/1.1\r\nHost: a\r\n\r\n").read();
            if (odd.status() == 101) {
                // the gateway kept the client connection as HTTP: the next request on it reuses the upstream one
                RawClient.Response next = client.send("POST /order HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
                        .read();
                throw new AssertionError("a 101 reached a client that asked for no protocol switch; the next POST"
                        + " then got " + next.head() + next.bodyText());
            }
            assertEquals(502, odd.status());
        }
    }

    private static UnaryOperator<Ruleset> responseTimeout(Duration t) {
        return r -> r.withLimits(r.limits().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), t,
                Duration.ofSeconds(5)));
    }

    /**
     * Bytes beyond the response's framing are dropped even when the exchange ends late: a gzip HTML page that
     * decompresses to 5.5 MB fills the client socket from one upstream read, so the exchange completes only when the
     * client has read it. Before 7d9976b the bytes decoded meanwhile were taken for a second response head of the
     * same exchange and relayed to the client (its next request got them), the connection was pooled, and a second
     * stall timer was never cancelled.
     */
    @Test
    void bytesBeyondAResponseAreNotRelayedWhenTheClientSocketIsFull() throws Exception {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.write(ascii("<!doctype html><html><head><title>t</title></head><body>\n"));
        Random random = new Random(1);
        String run = "a".repeat(2000);
        while (page.size() < 5_500_000) {
            page.write(ascii("<p>" + Integer.toHexString(random.nextInt()) + run + "</p>\n"));
        }
        page.write(ascii("</body></html>\n"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz) {
            {
                def.setLevel(9);
            }
        }) {
            out.write(page.toByteArray());
        }
        byte[] gzipped = gz.toByteArray();
        assertTrue(gzipped.length < 31_000 && page.size() / gzipped.length < 200, "setup: " + gzipped.length);
        CountDownLatch pageSent = new CountDownLatch(1);
        TestUpstream.Responder responder = (request, out, socket) -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            if (request.requestLine().startsWith("GET /warm ")) {
                // grows the pooled connection's read buffer guess, so the next response comes in one read
                all.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                        + (1 << 20) + "\r\n\r\n"));
                all.write(new byte[1 << 20]);
            } else if (request.requestLine().startsWith("GET /page ")) {
                all.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                        + "Content-Length: " + gzipped.length + "\r\n\r\n"));
                all.write(gzipped);
                all.write(ascii("HTTP/1.1 200 OK\r\nX-Smuggled: yes\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 8\r\n\r\nsmuggled"));
            } else {
                all.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond"));
            }
            out.write(all.toByteArray());
            out.flush();
            if (request.requestLine().startsWith("GET /page ")) {
                pageSent.countDown();
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri())) {
            // one connection per event loop (round robin): every loop's pool holds a warm idle connection
            for (int i = 0; i < gateway.server().eventLoops(); i++) {
                try (RawClient warm = gateway.rawClient()) {
                    assertEquals(1 << 20, warm.send("GET /warm HTTP/1.1\r\nHost: a\r\n\r\n").read().body().length);
                }
            }
            // a fresh client connection: small socket buffers on both sides, filled by the one rewritten response
            try (RawClient client = gateway.rawClient()) {
            client.send("GET /page HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(pageSent.await(10, TimeUnit.SECONDS));
            // the client reads nothing until every event loop has answered a request made after the upstream sent
            // the page: by then the page's one upstream read has been relayed as far as the client socket takes it
            List<RawClient> probes = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < gateway.server().eventLoops(); i++) {
                    probes.add(gateway.rawClient().send("GET /.well-known/gpc.json HTTP/1.1\r\nHost: a\r\n\r\n"));
                }
                for (RawClient probe : probes) {
                    probe.read();
                }
            } finally {
                for (RawClient probe : probes) {
                    probe.close();
                }
            }
            RawClient.Response first = client.read();
            assertTrue(first.complete());
            RawClient.Response next = client.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n").read();
            assertEquals(List.of(), next.headers("x-smuggled"), "the client got bytes beyond the response: " + next.head());
            assertEquals("second", next.bodyText());
            }
        }
    }

    /**
     * A valid request queued between the exchange in progress and one whose body is refused is answered in order,
     * and the 400 follows it. Before 7d9976b the queued request was dropped and got the 400 meant for the faulty
     * one.
     */
    @Test
    void aValidRequestBetweenTheExchangeAndAFaultyPipelinedBodyIsStillAnswered() throws Exception {
        CountDownLatch answerFirst = new CountDownLatch(1);
        TestUpstream.Responder responder = (request, out, socket) -> {
            if (request.requestLine().startsWith("GET /first ")) {
                answerFirst.await(10, TimeUnit.SECONDS);
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst"));
            } else {
                out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond"));
            }
        };
        try (TestUpstream upstream = TestUpstream.start(responder);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /second HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /third HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n");
            upstream.take();
            answerFirst.countDown();
            assertEquals("first", client.read().bodyText());
            RawClient.Response second = client.read();
            assertEquals(200, second.status(), "GET /second was answered with: " + second.head() + second.bodyText());
            assertEquals("second", second.bodyText());
        }
    }

    /**
     * An upload still arriving after an early response head is not an upstream gone silent: the stall check counts
     * only once the whole request has been sent. Before 7d9976b an upload outlasting upstream_response_timeout was
     * aborted although its bytes kept arriving.
     */
    @Test
    void anUploadStillArrivingIsNotAbortedAsAStalledUpstream() throws Exception {
        int bodyLength = 8;
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    // an early head, as a streaming endpoint sends it; the body follows once the upload is in
                    out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"));
                    out.flush();
                    in.readNBytes(bodyLength);
                    out.write(ascii("4\r\ndone\r\n0\r\n\r\n"));
                    out.flush();
                } catch (Exception e) {
                    // the test's assertions tell
                }
            });
            upstream.setDaemon(true);
            upstream.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort());
            try (RunningGateway gateway = RunningGateway.in(uri, responseTimeout(Duration.ofSeconds(1)));
                 RawClient client = gateway.rawClient()) {
                client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Length: " + bodyLength + "\r\n\r\nx");
                InputStream in = client.socket().getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    assertTrue(b >= 0, "closed before the response head");
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                // 7 more bytes, one every 400 ms (a read that times out is the wait): 2.8 s in all, a byte never
                // more than 0.4 s after the one before; the response timeout is 1 s
                client.socket().setSoTimeout(400);
                for (int i = 1; i < bodyLength; i++) {
                    try {
                        int b = in.read();
                        throw new AssertionError("while the client was still uploading (" + i + " of " + bodyLength
                                + " bytes sent) the gateway " + (b < 0 ? "closed the connection" : "sent more"));
                    } catch (SocketTimeoutException stillOpen) {
                        client.send("x");
                    }
                }
                client.socket().setSoTimeout(5000);
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                byte[] buf = new byte[256];
                int n;
                while (!rest.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n") && (n = in.read(buf)) > 0) {
                    rest.write(buf, 0, n);
                }
                assertTrue(rest.toString(StandardCharsets.ISO_8859_1).contains("done"), rest.toString());
            }
        }
    }

    /**
     * Before (found by a review): one client opened one connection per worker event loop and on each sent a POST
     * head (Content-Length: 1000), then one body byte a second, never finishing. The gateway took an upstream
     * connection as soon as the head arrived and streamed the body at the client's pace; body_idle_timeout only
     * bounds the pause between two bytes, so each trickling connection held an upstream connection for as long as
     * the client liked, and every other visitor got 503 "all 1 upstream connections ... are busy" (max_connections
     * is 1 per event loop here; the default 64 takes 64 connections per loop). Now body_read_timeout bounds the whole
     * body (like Envoy's request_timeout and Traefik's readTimeout): the trickling client gets 408, its upstream
     * connection is closed, and the other visitors are served.
     */
    @Test
    void aTrickledRequestBodyDoesNotHoldTheUpstreamConnectionsWithoutBound() throws Exception {
        UnaryOperator<Ruleset> adjust = r -> {
            Limits l = r.limits();
            Limits limits = l.withTimeouts(l.headerReadTimeout(), Duration.ofSeconds(4), l.upstreamResponseTimeout(),
                    l.shutdownGrace()).withBodyIdleTimeout(Duration.ofSeconds(2))
                    .withBodyReadTimeout(Duration.ofSeconds(2));
            return maxConnections(1).apply(r.withLimits(limits));
        };
        try (TestUpstream upstream = TestUpstream.start(
                     TestUpstream.fixed("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), adjust)) {
            int loops = workerLoops(gateway);
            List<Socket> slow = new ArrayList<>();
            Thread trickler = null;
            try {
                for (int i = 0; i < loops; i++) {
                    Socket s = new Socket("127.0.0.1", gateway.address().getPort());
                    s.getOutputStream().write(ascii("POST /upload HTTP/1.1\r\nHost: a\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\nx"));
                    slow.add(s);
                }
                trickler = new Thread(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(1_000);
                            for (Socket s : slow) {
                                OutputStream out = s.getOutputStream();
                                out.write('x');
                                out.flush();
                            }
                        }
                    } catch (Exception e) {
                        // the test is over, or the gateway closed the slow connection (the fix)
                    }
                });
                trickler.setDaemon(true);
                trickler.start();
                Thread.sleep(3_000); // past body_idle_timeout: the slow uploads are still "alive"
                for (int i = 0; i < loops; i++) {
                    try (RawClient visitor = gateway.rawClient()) {
                        RawClient.Response r = visitor.send("GET /news HTTP/1.1\r\nHost: a\r\n\r\n").read();
                        assertEquals(200, r.status(), "a visitor was refused while one client trickled "
                                + loops + " uploads: " + r.head() + r.bodyText());
                    }
                }
            } finally {
                if (trickler != null) {
                    trickler.interrupt();
                }
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }
}
