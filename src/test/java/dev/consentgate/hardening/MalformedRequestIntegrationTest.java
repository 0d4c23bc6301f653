package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request heads that RFC 9112 (or the gateway, where nginx and HAProxy are as strict) refuses: each gets its status
 * and a closed connection, and the upstream never even sees a connection, so not one byte of them is forwarded.
 */
class MalformedRequestIntegrationTest {

    private static final String H = "Host: a\r\n";

    @RegisterExtension
    static final OkUpstreamBehindGateway servers = new OkUpstreamBehindGateway();

    @AfterEach
    void nothingReachedTheUpstream() {
        assertEquals(0, servers.upstream().connectionsAccepted(), "the upstream was connected to");
        assertEquals(List.of(), servers.upstream().drain());
    }

    static Stream<Arguments> malformed() {
        String post = "POST / HTTP/1.1\r\n" + H;
        return Stream.of(
                // Content-Length with Transfer-Encoding, in both orders: the classic CL.TE / TE.CL desync
                bad(400, "CL.TE", post + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG"),
                bad(400, "TE.CL", post + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\nGPOST"),
                bad(400, "TE on HTTP/1.0", "POST / HTTP/1.0\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                bad(501, "gzip then chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "chunked not final", post + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"),
                bad(501, "gzip only", post + "Transfer-Encoding: gzip\r\n\r\n"),
                bad(501, "identity", post + "Transfer-Encoding: identity\r\n\r\n"),
                bad(501, "xchunked", post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"),
                bad(400, "space before colon", post + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "tab before colon", post + "Transfer-Encoding\t: chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "folded TE", post + "Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "folded TE with tab", post + "X-A: b\r\n\tTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "repeated TE", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"),
                bad(400, "leading comma", post + "Transfer-Encoding: ,chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "chunked twice", post + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "quoted chunked", post + "Transfer-Encoding: \"chunked\"\r\n\r\n0\r\n\r\n"),
                bad(400, "vertical tab", post + "Transfer-Encoding: chunked\u000b\r\n\r\n0\r\n\r\n"),
                bad(400, "coding with a parameter", post + "Transfer-Encoding: chunked;q=1\r\n\r\n0\r\n\r\n"),
                // Content-Length that two parsers could read differently
                bad(400, "CL twice, different", post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
                bad(400, "CL list, different", post + "Content-Length: 4, 3\r\n\r\nabcd"),
                bad(400, "CL twice, same value spelled differently",
                        post + "Content-Length: 04\r\nContent-Length: 4\r\n\r\nabcd"),
                bad(400, "CL list with an empty element", post + "Content-Length: 4, , 4\r\n\r\nabcd"),
                bad(400, "CL list with a trailing comma", post + "Content-Length: 4,\r\n\r\nabcd"),
                bad(400, "negative CL", post + "Content-Length: -1\r\n\r\n"),
                bad(400, "signed CL", post + "Content-Length: +4\r\n\r\nabcd"),
                bad(400, "hex CL", post + "Content-Length: 0x4\r\n\r\nabcd"),
                bad(400, "CL with junk", post + "Content-Length: 4abc\r\n\r\nabcd"),
                bad(400, "CL with inner space", post + "Content-Length: 4 4\r\n\r\nabcd"),
                bad(400, "empty CL", post + "Content-Length: \r\n\r\n"),
                bad(400, "overflowing CL", post + "Content-Length: 18446744073709551620\r\n\r\n"),
                // field lines
                badFieldLines(400, "space in a name", "Bad Header: x\r\n"),
                badFieldLines(400, "control byte in a name", "X-A\u0001: x\r\n"),
                badFieldLines(400, "empty name", ": x\r\n"),
                badFieldLines(400, "line without colon", "NoColonHere\r\n"),
                badFieldLines(400, "obs-fold", "X-A: b\r\n  folded\r\n"),
                badFieldLines(400, "bare CR in a value", "X-A: b\rX-B: c\r\n"),
                badFieldLines(400, "bare LF line end", "X-A: b\nX-B: c\r\n"),
                bad(400, "bare LF request line", "GET / HTTP/1.1\n" + H + "\r\n"),
                bad(400, "bare LF end of head", "GET / HTTP/1.1\r\n" + H + "\n"),
                badFieldLines(400, "NUL in a value", "X-A: b\u0000c\r\n"),
                badRequestLine(400, "NUL in the target", "GET /a\u0000b HTTP/1.1"),
                badRequestLine(400, "NUL in the method", "GE\u0000T / HTTP/1.1"),
                badFieldLines(400, "DEL in a value", "X-A: b\u007fc\r\n"),
                badRequestLine(400, "space before the request line", " GET / HTTP/1.1"),
                badRequestLine(400, "NUL before the request line", "\u0000GET / HTTP/1.1"),
                bad(400, "bare LF before the request line", "\nGET / HTTP/1.1\r\n" + H + "\r\n"),
                bad(400, "junk before the request line", "xx\r\nGET / HTTP/1.1\r\n" + H + "\r\n"),
                // Host
                bad(400, "no Host on HTTP/1.1", "GET / HTTP/1.1\r\n\r\n"),
                bad(400, "two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                // found by a probe (2026-12-02): forwarded as it came (nginx refuses it)
                bad(400, "empty Host", "GET / HTTP/1.1\r\nHost: \r\n\r\n"),
                bad(400, "empty Host in HTTP/1.0", "GET / HTTP/1.0\r\nHost:\r\n\r\n"),
                bad(400, "Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n"),
                bad(400, "Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n"),
                bad(400, "Host with userinfo", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n"),
                bad(400, "Host with a bad port", "GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n"),
                badRequestLine(400, "absolute-form disagreeing with Host", "GET http://b/x HTTP/1.1"),
                badRequestLine(400, "absolute-form with userinfo", "GET http://u@a/x HTTP/1.1"),
                badRequestLine(400, "absolute-form of another scheme", "GET ftp://a/x HTTP/1.1"),
                // request line and versions
                bad(400, "HTTP/0.9", "GET /\r\n\r\n"),
                badRequestLine(505, "HTTP/2.0", "GET / HTTP/2.0"),
                badRequestLine(505, "HTTP/1.2", "GET / HTTP/1.2"),
                badRequestLine(505, "HTTP/3.0", "GET / HTTP/3.0"),
                bad(505, "HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                badRequestLine(400, "lower-case version", "GET / http/1.1"),
                badRequestLine(400, "two-digit version", "GET / HTTP/1.10"),
                badRequestLine(400, "space after version", "GET / HTTP/1.1 "),
                badRequestLine(400, "two spaces", "GET  / HTTP/1.1"),
                badRequestLine(400, "tab separator", "GET\t/ HTTP/1.1"),
                badRequestLine(400, "method with a symbol", "G@T / HTTP/1.1"),
                badRequestLine(400, "lower-case method", "get / HTTP/1.1"),
                bad(501, "CONNECT", "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n"),
                badRequestLine(501, "TRACE", "TRACE / HTTP/1.1"),
                badRequestLine(400, "fragment in target", "GET /a#b HTTP/1.1"),
                badRequestLine(400, "bad percent-encoding", "GET /a%zz HTTP/1.1"),
                badRequestLine(400, "%00 in target", "GET /a%00 HTTP/1.1"),
                badRequestLine(400, "non-ASCII target", "GET /\u00e9 HTTP/1.1"),
                badRequestLine(400, "relative target", "GET a HTTP/1.1"),
                badRequestLine(400, "asterisk with GET", "GET * HTTP/1.1"),
                bad(400, "WebSocket handshake with a body", "GET /ws HTTP/1.1\r\n" + H
                        + "Connection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: 1\r\n\r\nx"));
    }

    private static Arguments bad(int status, String name, String raw) {
        return Arguments.of(name, status, raw);
    }

    /** A request whose request line is {@code line}, with a Host and nothing else. */
    private static Arguments badRequestLine(int status, String name, String line) {
        return bad(status, name, line + "\r\n" + H + "\r\n");
    }

    /** A {@code GET /} with a Host and then the field lines {@code lines} (each ending in CRLF). */
    private static Arguments badFieldLines(int status, String name, String lines) {
        return bad(status, name, "GET / HTTP/1.1\r\n" + H + lines + "\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedAndTheConnectionClosed(String name, int status, String raw) throws Exception {
        try (RawClient client = servers.gateway().rawClient()) {
            RawClient.Response response = client.send(raw).read();
            assertEquals(status, response.status(), name + ": " + response.bodyText());
            assertTrue(client.closedByPeer(), name + ": connection left open");
        }
    }
}
