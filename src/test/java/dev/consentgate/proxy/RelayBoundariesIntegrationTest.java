package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Limits;
import dev.consentgate.config.Ruleset;
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
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Where an exchange ends: nothing the upstream sends after the final response's end reaches the client, even when the
 * client has not taken that end yet; an upload still arriving is not an upstream gone silent; the requests queued
 * before one whose body is refused are answered. Each test failed on e5b1006 (found by a review of those fixes).
 */
class RelayBoundariesIntegrationTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static UnaryOperator<Ruleset> responseTimeout(Duration t) {
        return r -> r.withLimits(r.limits().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), t,
                Duration.ofSeconds(5)));
    }

    /**
     * Exchange.complete() runs in the client write listener. When the client socket is full that listener runs
     * later, the upstream decoder keeps decoding the bytes after the response's framing, and Exchange takes them as
     * a second response head of the same exchange: it is relayed to the same client (so its next request gets it),
     * holdsBytes() is false by then so the upstream connection is pooled, and a second stallTimer is scheduled over
     * the first, which is never cancelled (checkStall runs every timeout/4 forever). Here a gzip HTML page
     * decompressed to 5.5 MB fills the client socket from a single upstream read.
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
     * ProxyHandler.exceptionCaught (laterFault branch) calls releasePipelined(): a valid request pipelined between
     * the exchange in progress and the faulty one is dropped, never sent upstream, and the 400 meant for the faulty
     * request arrives in its place.
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
     * Exchange.checkStall counts only upstream silence, but after an early response head the gateway is waiting for
     * the client's body, not for the upstream (which waits for that body). A live upload that outlasts
     * upstream_response_timeout is aborted although bytes keep arriving from the client.
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
}
