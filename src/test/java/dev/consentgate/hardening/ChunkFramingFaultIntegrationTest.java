package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.RunningGateway;
import dev.consentgate.testing.TestUpstream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A chunked body that goes bad after its head was forwarded: the client connection is closed, the upstream never
 * sees the body end cleanly, and none of the bytes after the fault (here a smuggled second request) reach it.
 * The upstream records raw bytes until the gateway has closed every connection to it.
 */
class ChunkFramingFaultIntegrationTest {

    private static final String HEAD = "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n";
    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("overflowing size", "fffffffffffffffff1\r\n"),
                badSizeLine("0x prefix", "0x5"),
                badSizeLine("leading space", " 5"),
                badSizeLine("junk after size", "5 junk"),
                badSizeLine("negative size", "-5"),
                badSizeLine("trailing space", "5 "),
                badSizeLine("empty size", ""),
                badSizeLine("bare LF in extension", "5;a\nb"),
                Arguments.of("bare LF after size", "5\nhello\r\n0\r\n\r\n"),
                badSizeLine("unterminated quote", "5;a=\"open"),
                badSizeLine("oversized extension", "5;a=" + "b".repeat(5000)),
                badSizeLine("empty extension name", "5;=x"),
                Arguments.of("missing CRLF after data", "5\r\nhelloXX0\r\n\r\n"),
                Arguments.of("bare LF after data", "5\r\nhello\n0\r\n\r\n"),
                badSizeLine("data longer than size", "3"),
                badTrailer("obs-fold in trailer", "X-T: a\r\n folded\r\n"),
                badTrailer("Content-Length trailer", "Content-Length: 5\r\n"),
                badTrailer("Cookie trailer", "Cookie: _ga=1\r\n"),
                badTrailer("trailer without colon", "nocolon\r\n"),
                badTrailer("NUL in trailer", "X-T: a\u0000\r\n"));
    }

    /** A chunk whose size line is {@code sizeLine}, carrying "hello", then the last chunk. */
    private static Arguments badSizeLine(String name, String sizeLine) {
        return Arguments.of(name, sizeLine + "\r\nhello\r\n0\r\n\r\n");
    }

    /** The last chunk with the trailer field lines {@code trailer}. */
    private static Arguments badTrailer(String name, String trailer) {
        return Arguments.of(name, "0\r\n" + trailer + "\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void nothingAfterTheFaultReachesTheUpstream(String name, String fault) throws Exception {
        String received;
        try (RecordingUpstream upstream = RecordingUpstream.start()) {
            try (RunningGateway gateway = RunningGateway.in(upstream.uri());
                 RawClient client = gateway.rawClient()) {
                client.send(HEAD + fault + SMUGGLED);
                // A 400 before the upstream answered, or an aborted response after: then the connection closes.
                client.readAborted().ifPresent(r -> assertTrue(r.status() == 400 || !r.complete(),
                        name + ": got a complete " + r.status()));
                assertTrue(client.closedByPeer(), name + ": connection left open");
            }
            received = upstream.received();
        }
        assertFalse(received.contains("smuggled"), name + ": smuggled request forwarded:\n" + received);
        assertFalse(received.contains("\r\n0\r\n"), name + ": body ended upstream:\n" + received);
        assertFalse(received.contains("XX"), name + ": bytes after the fault forwarded:\n" + received);
    }

    @Test
    void chunkFaultBeforeTheUpstreamAnsweredGets400ThenClose() throws Exception {
        try (TestUpstream upstream = TestUpstream.start((request, out, socket) -> { });
             RunningGateway gateway = RunningGateway.in(upstream.uri());
             RawClient client = gateway.rawClient()) {
            client.send("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0x5\r\n");
            RawClient.Response r = client.read();
            assertEquals(400, r.status());
            assertTrue(r.bodyText().contains("junk after the chunk size"), r.bodyText());
            assertTrue(client.closedByPeer());
        }
    }
}
