package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.TestUpstream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the strict framing lets through, and how: unchanged where RFC 9112 allows it, normalised where it must. */
class AcceptedRequestIntegrationTest {

    @RegisterExtension
    static final OkUpstreamBehindGateway servers = new OkUpstreamBehindGateway();

    @AfterEach
    void noOtherRequestArrived() {
        assertEquals(List.of(), servers.upstream().drain());
    }

    private static RawClient.Response send(String raw) throws Exception {
        try (RawClient client = servers.gateway().rawClient()) {
            return client.send(raw).read();
        }
    }

    static Stream<Arguments> forwardedAsSent() {
        return Stream.of(
                Arguments.of("unknown well-formed method", "PURGE /cache/x HTTP/1.1\r\nHost: a\r\n\r\n",
                        "PURGE /cache/x HTTP/1.1"),
                Arguments.of("empty lines before the request line are ignored",
                        "\r\n\r\nGET /after-crlf HTTP/1.1\r\nHost: a\r\n\r\n", "GET /after-crlf HTTP/1.1"),
                Arguments.of("HTTP/1.0 without Host", "GET /old HTTP/1.0\r\n\r\n", "GET /old HTTP/1.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardedAsSent")
    void isServedAndItsRequestLineForwardedUnchanged(String name, String raw, String requestLine) throws Exception {
        assertEquals(200, send(raw).status());
        assertEquals(requestLine, servers.upstream().take().requestLine());
    }

    @Test
    void chunkExtensionsAreDroppedAndTheBodyArrivesWhole() throws Exception {
        RawClient.Response r = send("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n006 ; q=\"a \\\" b\"\r\n world\r\n0\r\nX-Checksum: 1\r\n\r\n");
        assertEquals(200, r.status());
        TestUpstream.Received received = servers.upstream().take();
        assertEquals("hello world", received.bodyText());
        assertFalse(received.head().contains("name=value"), received.head());
    }

    /** Sends one request, expects 200, and returns what the upstream received. */
    private static TestUpstream.Received forwarded(String raw) throws Exception {
        assertEquals(200, send(raw).status(), raw);
        return servers.upstream().take();
    }

    @Test
    void anAbsoluteFormTargetIsForwardedInOriginForm() throws Exception {
        assertEquals("GET /abs?q=1 HTTP/1.1",
                forwarded("GET http://A:80/abs?q=1 HTTP/1.1\r\nHost: a\r\n\r\n").requestLine());
        assertEquals("GET / HTTP/1.1", forwarded("GET HTTP://a HTTP/1.1\r\nHost: a\r\n\r\n").requestLine());
        assertEquals("GET /?x=1 HTTP/1.1", forwarded("GET http://a?x=1 HTTP/1.1\r\nHost: a\r\n\r\n").requestLine());
    }

    @Test
    void anHttp10AbsoluteFormTargetWithoutHostGivesTheUpstreamItsHost() throws Exception {
        TestUpstream.Received r = forwarded("GET http://a:8080/old HTTP/1.0\r\n\r\n");
        // with a Host, in the gateway's own version (RFC 9110 6.2)
        assertEquals("GET /old HTTP/1.1", r.requestLine());
        assertEquals(List.of("a:8080"), r.headers("host"));
    }

    @Test
    void optionsAsteriskIsForwardedAsIs() throws Exception {
        assertEquals("OPTIONS * HTTP/1.1", forwarded("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").requestLine());
    }

    @Test
    void identicalContentLengthsInSeveralFieldsOrAListBecomeOne() throws Exception {
        for (String lengths : List.of("Content-Length: 5\r\nContent-Length: 5", "Content-Length: 5 ,5")) {
            TestUpstream.Received r = forwarded("POST /a HTTP/1.1\r\nHost: a\r\n" + lengths + "\r\n\r\nhello");
            assertEquals(List.of("5"), r.headers("content-length"), lengths);
            assertEquals("hello", r.bodyText());
        }
    }

    @Test
    void aConnectionHeaderListingContentLengthCannotStripTheBodysLength() throws Exception {
        String inner = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
        TestUpstream.Received r = forwarded("POST /a HTTP/1.1\r\nHost: a\r\nConnection: Content-Length, Host\r\n"
                + "Content-Length: " + inner.length() + "\r\n\r\n" + inner);
        assertEquals(List.of(String.valueOf(inner.length())), r.headers("content-length"));
        assertEquals(List.of("a"), r.headers("host"));
        assertEquals(inner, r.bodyText());
        // had the length been dropped, the body would have arrived as a request of its own, before this one
        assertEquals("GET /next HTTP/1.1", forwarded("GET /next HTTP/1.1\r\nHost: a\r\n\r\n").requestLine());
    }

    @Test
    void chunkedInAnyCaseIsForwardedLowerCase() throws Exception {
        TestUpstream.Received r = forwarded("POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ChUnKeD\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n");
        assertEquals(List.of("chunked"), r.headers("transfer-encoding"));
        assertEquals("hello", r.bodyText());
    }

    @Test
    void h2cUpgradeIsIgnoredAndServedOverHttp11() throws Exception {
        RawClient.Response r = send("GET /h2c HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        assertEquals(200, r.status());
        assertEquals(List.of(), r.headers("upgrade"));
        TestUpstream.Received received = servers.upstream().take();
        assertEquals(List.of(), received.headers("upgrade"));
        assertEquals(List.of(), received.headers("http2-settings"));
    }

    @Test
    void aBadRequestPipelinedAfterAGoodOneIsAnsweredInOrderAndNotForwarded() throws Exception {
        try (RawClient client = servers.gateway().rawClient()) {
            client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /second HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n");
            assertEquals(200, client.read().status());
            assertEquals(400, client.read().status());
            assertTrue(client.closedByPeer());
        }
        assertEquals("GET /first HTTP/1.1", servers.upstream().take().requestLine());
    }

    @Test
    void manyPipelinedRequestsBeyondTheInFlightLimitAreAllAnsweredInOrder() throws Exception {
        int count = 3 * 32 + 5;
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pipeline.append("GET /p").append(i).append(" HTTP/1.1\r\nHost: a\r\n\r\n");
        }
        try (RawClient client = servers.gateway().rawClient()) {
            client.send(pipeline.toString());
            for (int i = 0; i < count; i++) {
                assertEquals(200, client.read().status(), "response " + i);
            }
        }
        for (int i = 0; i < count; i++) {
            assertEquals("GET /p" + i + " HTTP/1.1", servers.upstream().take().requestLine());
        }
    }

    @Test
    void expectContinueOverTheBodyLimitIsRefusedWithoutAskingForTheBody() throws Exception {
        RawClient.Response r = send("POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999\r\n"
                + "Expect: 100-continue\r\n\r\n");
        assertEquals(413, r.status());
    }
}
