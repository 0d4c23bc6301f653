package dev.consentgate.hardening;

import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture the raw-request tests share: an upstream that answers every request with a {@code 200 ok}, and the
 * gateway (default ruleset) in front of it. Each test class gets its own pair, started before its first test and
 * closed after its last: a JUnit test class registers it as a static {@code @RegisterExtension} field; a jqwik
 * container, where JUnit extensions do not run, calls {@link #start()} and {@link #stop()} itself.
 */
final class OkUpstreamBehindGateway implements BeforeAllCallback, AfterAllCallback {

    private TestUpstream upstream;
    private RunningGateway gateway;

    void start() throws Exception {
        upstream = TestUpstream.start(TestUpstream.fixed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        gateway = RunningGateway.in(upstream.uri());
    }

    void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    TestUpstream upstream() {
        return upstream;
    }

    RunningGateway gateway() {
        return gateway;
    }
}
