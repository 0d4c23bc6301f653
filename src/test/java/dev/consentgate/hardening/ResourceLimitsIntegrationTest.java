package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.config.Limits;
import dev.consentgate.config.Ruleset;
import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Slow, many and stalled clients: each is cut off by its limit while a normal client is still served. */
class ResourceLimitsIntegrationTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    private static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";

    private static UnaryOperator<Ruleset> limits(Duration headerRead, int maxConnections) {
        return r -> {
            Limits d = r.limits();
            return r.withLimits(d.withTimeouts(headerRead, d.upstreamConnectTimeout(), d.upstreamResponseTimeout(),
                    Duration.ofSeconds(1)).withConnections(maxConnections).withBodyIdleTimeout(headerRead));
        };
    }

    @Test
    void slowlorisConnectionsAllGet408WhileANormalClientIsServed() throws Exception {
        int slow = 300;
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<RawClient> slowClients = new ArrayList<>();
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), limits(Duration.ofSeconds(1), 10_000))) {
            for (int i = 0; i < slow; i++) {
                slowClients.add(gateway.rawClient().send("GET /slow HTTP/1.1\r\nHost: a\r\nX-Slow: "));
            }
            // Keeps every slow client sending a byte now and then: the header deadline is absolute, not idle.
            trickle.scheduleWithFixedDelay(() -> {
                for (RawClient c : slowClients) {
                    try {
                        c.send("z");
                    } catch (IOException closedByTheGateway) {
                        // expected once the deadline passed
                    }
                }
            }, 100, 100, TimeUnit.MILLISECONDS);

            try (RawClient normal = gateway.rawClient()) {
                assertEquals(200, normal.send(GET).read().status());
            }
            for (RawClient c : slowClients) {
                RawClient.Response r = c.read();
                assertEquals(408, r.status());
                assertTrue(c.closedByPeer());
            }
            assertEquals(1, upstream.drain().size(), "only the normal request reaches the upstream");
        } finally {
            trickle.shutdownNow();
            for (RawClient c : slowClients) {
                c.close();
            }
        }
    }

    @Test
    void connectionsBeyondTheMaximumAreClosedAtOnceAndTheOthersStillServed() throws Exception {
        List<RawClient> held = new ArrayList<>();
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), limits(Duration.ofSeconds(10), 5))) {
            for (int i = 0; i < 5; i++) {
                held.add(gateway.rawClient());
            }
            // Each held connection is counted on its own event loop when it becomes active; once each has been
            // served, all five are surely counted before the sixth arrives.
            for (RawClient c : held) {
                assertEquals(200, c.send(GET).read().status());
            }
            try (RawClient extra = gateway.rawClient()) {
                extra.send(GET);
                assertTrue(extra.closedByPeer(), "the sixth connection was not closed");
            }
            for (RawClient c : held) {
                assertEquals(200, c.send(GET).read().status());
            }
        } finally {
            for (RawClient c : held) {
                c.close();
            }
        }
    }

    @Test
    void bodyThatStopsArrivingGets408AndTheUpstreamNeverSeesItWhole() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), limits(Duration.ofMillis(500), 10_000));
             RawClient client = gateway.rawClient()) {
            RawClient.Response r = client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
                    .read();
            assertEquals(408, r.status());
            assertTrue(client.closedByPeer());
            // TestUpstream records a request cut short by a close with the bytes it got: never all ten.
            for (TestUpstream.Received received : upstream.drain()) {
                assertEquals("abc", received.bodyText());
            }
        }
    }
    @Test
    void bodyThatStopsArrivingAfter100ContinueGets408() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), limits(Duration.ofMillis(500), 10_000));
             RawClient client = gateway.rawClient()) {
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, client.read().status());
            RawClient.Response r = client.send("abc").read();
            assertEquals(408, r.status());
            assertTrue(client.closedByPeer());
            for (TestUpstream.Received received : upstream.drain()) {
                assertEquals("abc", received.bodyText());
            }
        }
    }

    @Test
    void bodyTrickledWithinTheIdleTimeoutGets408AtTheBodyDeadline() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(OK));
             RunningGateway gateway = RunningGateway.in(upstream.uri(), r -> r.withLimits(r.limits()
                     .withBodyIdleTimeout(Duration.ofSeconds(5)).withBodyReadTimeout(Duration.ofSeconds(1))));
             RawClient client = gateway.rawClient()) {
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\na");
            for (int i = 0; i < 4; i++) {
                Thread.sleep(200);
                client.send("b");
            }
            RawClient.Response r = client.read();
            assertEquals(408, r.status());
            assertTrue(client.closedByPeer());
            for (TestUpstream.Received received : upstream.drain()) {
                assertTrue(received.bodyText().length() < 10, received.bodyText());
            }
        }
    }
}
