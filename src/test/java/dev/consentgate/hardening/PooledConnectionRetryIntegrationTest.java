package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An upstream that closes a kept-alive connection just as the next request arrives (the classic keep-alive race):
 * an idempotent request without a body is sent once more on a fresh connection; a non-idempotent one is answered 502
 * and never sent twice.
 */
class PooledConnectionRetryIntegrationTest {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1);

    /** Answers the first request on each connection, closes the connection on the second without answering. */
    private static final TestUpstream.Responder CLOSES_SECOND = (request, out, socket) -> {
        if (request.requestLine().contains("/second") && request.connection() == 1) {
            socket.close();
        } else {
            out.write(OK);
        }
    };

    @Test
    void nonIdempotentRequestIsNeverRetried() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(CLOSES_SECOND);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            assertEquals(200, client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
            assertEquals(502, client.send("POST /second HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx")
                    .read().status());
            upstream.take(); // GET /first
            upstream.take(); // the POST, once
            assertEquals(java.util.List.of(), upstream.drain(), "the POST was sent twice");
        }
    }

    @Test
    void idempotentRequestOnAReusedConnectionClosedBeforeHeadersIsRetriedOnce() throws Exception {
        try (TestUpstream upstream = TestUpstream.start(CLOSES_SECOND);
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            assertEquals(200, client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
            assertEquals(200, client.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
            assertEquals(2, upstream.connectionsAccepted());
        }
    }
}
