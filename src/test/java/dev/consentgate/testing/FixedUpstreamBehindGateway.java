package dev.consentgate.testing;

/**
 * The set-up most relay tests share: an upstream that answers every request with the same bytes, the gateway
 * (default ruleset) in front of it, and a client connected to the gateway; all three closed when the test's
 * exchanges end. A test that needs more (its own responder, an adjusted ruleset, a second client) builds its own.
 */
public final class FixedUpstreamBehindGateway {

    /** What a test does with the client, and with the upstream to see what reached it. */
    @FunctionalInterface
    public interface Exchanges {
        void run(TestUpstream upstream, RawClient client) throws Exception;
    }

    private FixedUpstreamBehindGateway() {
    }

    /** Runs {@code exchanges} against an upstream answering every request with {@code upstreamResponse}. */
    public static void withClient(String upstreamResponse, Exchanges exchanges) throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(upstreamResponse));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            exchanges.run(upstream, client);
        }
    }

    /** The gateway's response to {@code request}, the upstream answering it with {@code upstreamResponse}. */
    public static RawClient.Response response(String upstreamResponse, String request) throws Exception {
        try (TestUpstream upstream = TestUpstream.start(TestUpstream.fixed(upstreamResponse));
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            return client.send(request).read();
        }
    }
}
