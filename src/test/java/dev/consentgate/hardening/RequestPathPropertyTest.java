package dev.consentgate.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.TestUpstream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The request path as properties: a generated valid request arrives upstream as one request with the same method,
 * target, body and (non-hop-by-hop) headers, however its body is framed; the same request with its framing broken
 * in one of the ways smuggling relies on reaches the upstream not at all.
 */
class RequestPathPropertyTest {

    private static final OkUpstreamBehindGateway servers = new OkUpstreamBehindGateway();

    @BeforeContainer
    static void start() throws Exception {
        servers.start();
    }

    @AfterContainer
    static void stop() throws Exception {
        servers.stop();
    }

    /** A request as generated; {@code chunks} empty means Content-Length framing. */
    record Generated(String method, String target, Map<String, String> headers, byte[] body, List<Integer> chunks) {

        byte[] head(String extraHeaderLines) {
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: a\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunks.isEmpty() ? "Content-Length: " + body.length + "\r\n" : "Transfer-Encoding: chunked\r\n");
            return head.append(extraHeaderLines).append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        byte[] framedBody() {
            if (chunks.isEmpty()) {
                return body;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            for (int size : chunks) {
                int n = Math.min(size, body.length - at);
                if (n == 0) {
                    break;
                }
                out.writeBytes((Integer.toHexString(n) + (n % 2 == 0 ? ";ext=" + n : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                at += n;
            }
            if (at < body.length) {
                out.writeBytes((Integer.toHexString(body.length - at) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, body.length - at);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<Generated> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PURGE", "REPORT",
                "M-SEARCH", "X_CUSTOM");
        Arbitrary<String> path = Arbitraries.strings().withChars("abcXYZ019-._~!$&'()*+,;=:@/").ofMaxLength(30);
        Arbitrary<String> query = Arbitraries.strings().withChars("abz09=&/?%41-").ofMaxLength(20)
                .filter(q -> !q.matches(".*%(?![0-9A-Fa-f]{2}).*") && !q.contains("%00"));
        Arbitrary<String> target = Combinators.combine(path, query.injectNull(0.5))
                .as((p, q) -> "/" + p + (q == null ? "" : "?" + q));
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-!#$&'*+.^_`|~")
                .ofMinLength(1).ofMaxLength(12).map(n -> "x-p-" + n);
        Arbitrary<String> value = Arbitraries.strings().withCharRange('!', '~').withChars(' ', '\t', '\u00e9')
                .ofMaxLength(40).map(String::strip).map(v -> v.replaceAll("^[\\t ]+|[\\t ]+$", ""));
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(name, value).ofMaxSize(5);
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<List<Integer>> chunks = Arbitraries.integers().between(1, 120).list().ofMaxSize(6);
        Arbitrary<List<Integer>> framing = Arbitraries.oneOf(Arbitraries.just(List.of()), chunks.filter(c -> !c.isEmpty()));
        return Combinators.combine(method, target, headers, body, framing).as(Generated::new);
    }

    @Property(tries = 150)
    void validRequestsArriveUnchanged(@ForAll("requests") Generated request) throws Exception {
        try (RawClient client = servers.gateway().rawClient()) {
            client.send(request.head("")).send(request.framedBody());
            assertEquals(200, client.read().status());
        }
        List<TestUpstream.Received> received = servers.upstream().drain();
        assertEquals(1, received.size());
        TestUpstream.Received r = received.get(0);
        assertEquals(request.method() + " " + request.target() + " HTTP/1.1", r.requestLine());
        assertArrayEquals(request.body(), r.body());
        request.headers().forEach((headerName, headerValue) ->
                assertEquals(List.of(headerValue), r.headers(headerName), headerName));
    }

    /** Ways of breaking the framing that a lenient parser behind or in front of the gateway might read otherwise. */
    enum Fault {
        CL_AND_TE("Content-Length: 1\r\nTransfer-Encoding: chunked\r\n"),
        // no generated body is this long: the two lengths always disagree
        DISAGREEING_CONTENT_LENGTH("Content-Length: 999999999\r\n"),
        SECOND_TRANSFER_ENCODING("Transfer-Encoding: chunked\r\n"),
        OBS_FOLD("X-Folded: a\r\n chunked\r\n"),
        SPACE_BEFORE_COLON("Transfer-Encoding : chunked\r\n"),
        BARE_LF("X-Bare: a\nTransfer-Encoding: chunked\r\n"),
        BARE_CR("X-Bare: a\rTransfer-Encoding: chunked\r\n"),
        NUL("X-Nul: a\u0000b\r\n"),
        LINE_WITHOUT_COLON("Transfer-Encoding chunked\r\n"),
        SECOND_HOST("Host: b\r\n");

        final String lines;

        Fault(String lines) {
            this.lines = lines;
        }
    }

    @Property(tries = 100)
    void brokenFramingReachesTheUpstreamNotAtAll(@ForAll("requests") Generated request, @ForAll Fault fault)
            throws Exception {
        try (RawClient client = servers.gateway().rawClient()) {
            client.send(request.head(fault.lines)).send(request.framedBody());
            int status = client.read().status();
            assertTrue(status == 400 || status == 501, fault + " answered " + status);
            assertTrue(client.closedByPeer(), fault + " left the connection open");
        }
        assertEquals(List.of(), servers.upstream().drain(), fault + " was forwarded");
    }
}
