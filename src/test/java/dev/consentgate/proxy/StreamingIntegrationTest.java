package dev.consentgate.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bodies stream without aggregation, a slow reader pauses the upstream, and shutdown lets exchanges finish. */
class StreamingIntegrationTest {

    /** The allocator Netty's channels use by default (adaptive in Netty 4.2). */
    private static final ByteBufAllocatorMetricProvider ALLOCATOR =
            (ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT;

    private static TestUpstream.Responder bytes(long total, AtomicLong written, CountDownLatch done) {
        return (request, out, socket) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + total
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            for (long sent = 0; sent < total; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, total - sent));
                written.addAndGet(Math.min(block.length, total - sent));
            }
            out.flush();
            done.countDown();
        };
    }

    private static long readBody(InputStream in, long expected) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in head");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        int n;
        while (total < expected && (n = in.read(buffer)) > 0) {
            total += n;
        }
        return total;
    }

    @Test
    void largeDownloadStreamsWithBoundedMemory() throws Exception {
        long size = 256L << 20;
        AtomicLong written = new AtomicLong();
        try (TestUpstream upstream = TestUpstream.start(bytes(size, written, new CountDownLatch(1)));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             Socket client = new Socket("127.0.0.1", gateway.address().getPort())) {
            AtomicLong peak = new AtomicLong();
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
                try {
                    client.getOutputStream().write("GET /big HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return readBody(client.getInputStream(), size);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Long total = null;
            while (total == null) {
                peak.accumulateAndGet(ALLOCATOR.metric().usedDirectMemory(), Math::max);
                try {
                    total = received.get(5, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // sample again
                }
            }
            assertEquals(size, total);
            // The sampling saw the relay's buffers (so it measures something), and they stayed far below the body.
            assertTrue(peak.get() > 0, "no direct memory in use was ever sampled");
            assertTrue(peak.get() < 64L << 20, "direct memory peaked at " + peak.get() + " bytes");
        }
    }

    @Test
    void clientThatStopsReadingPausesTheUpstream() throws Exception {
        long size = 64L << 20;
        AtomicLong written = new AtomicLong();
        CountDownLatch allWritten = new CountDownLatch(1);
        try (TestUpstream upstream = TestUpstream.start(bytes(size, written, allWritten));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             Socket client = new Socket("127.0.0.1", gateway.address().getPort())) {
            client.setReceiveBufferSize(64 * 1024);
            client.getOutputStream().write("GET /big HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertFalse(allWritten.await(2, TimeUnit.SECONDS), "the upstream wrote everything to a client not reading");
            long paused = written.get();
            assertTrue(paused < 32L << 20, "the upstream got " + paused + " bytes out while the client read nothing");
            assertEquals(size, readBody(client.getInputStream(), size));
            assertTrue(allWritten.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void shutdownStopsAcceptingAndLetsTheInFlightResponseFinish() throws Exception {
        CountDownLatch headersSent = new CountDownLatch(1);
        CountDownLatch finishBody = new CountDownLatch(1);
        TestUpstream.Responder slow = (request, out, socket) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            headersSent.countDown();
            finishBody.await(10, TimeUnit.SECONDS);
            out.write("world".getBytes(StandardCharsets.ISO_8859_1));
        };
        try (TestUpstream upstream = TestUpstream.start(slow)) {
            RunningGateway gateway = RunningGateway.in(upstream.uri(),
                    r -> r.withLimits(r.limits().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5),
                            Duration.ofSeconds(60), Duration.ofSeconds(10))));
            int port = gateway.address().getPort();
            try (RawClient client = gateway.rawClient()) {
                client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
                assertTrue(headersSent.await(10, TimeUnit.SECONDS));
                CompletableFuture<Void> stopping = CompletableFuture.runAsync(gateway::close);
                // The listener closes first: a new connection is refused while the exchange is still running.
                assertTrue(refusedWithin(port, 10_000), "the listener still accepted after shutdown began");
                assertFalse(stopping.isDone());
                finishBody.countDown();
                RawClient.Response r = client.read();
                assertEquals("helloworld", r.bodyText());
                assertTrue(r.complete());
                assertTrue(client.closedByPeer(), "a draining gateway closes the connection after the response");
                stopping.get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Tries to connect until the port refuses (true) or the time is up (false). */
    private static boolean refusedWithin(int port, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(50);
            } catch (IOException refused) {
                return true;
            }
        }
        return false;
    }
}
