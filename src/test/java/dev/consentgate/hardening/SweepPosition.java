package dev.consentgate.hardening;

import dev.consentgate.testing.RawClient;
import dev.consentgate.testing.TestUpstream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The positions of the byte sweep, each with its request template and the gateway's policy for the swept byte.
 * The policy is RFC 9112 narrowed to what nginx 1.22 also accepts; {@code :} in a field name position splits the
 * line into a shorter valid name and a value, so it is accepted there.
 */
enum SweepPosition {
    METHOD("G", "T /sweep HTTP/1.1\r\nHost: a\r\n\r\n",
            b -> b >= 'A' && b <= 'Z' || b == '-' || b == '_',
            (b, r) -> same("G" + (char) b + "T /sweep HTTP/1.1", r.requestLine())),
    TARGET("GET /a", "zz HTTP/1.1\r\nHost: a\r\n\r\n",
            b -> b >= 0x21 && b <= 0x7e && b != '#' && b != '%',
            (b, r) -> same("GET /a" + (char) b + "zz HTTP/1.1", r.requestLine())),
    VERSION("GET /v HTTP/1.", "\r\nHost: a\r\n\r\n",
            b -> b == '0' || b == '1',
            // forwarded in the gateway's own version (RFC 9110 6.2)
            (b, r) -> same("GET /v HTTP/1.1", r.requestLine())),
    HEADER_NAME("GET /n HTTP/1.1\r\nHost: a\r\nX-", "N: v\r\n\r\n",
            b -> isTchar(b) || b == ':',
            (b, r) -> b == ':' ? same("N: v", r.headers("x-").get(0)) : same("v", first(r, "X-" + (char) b + "N"))),
    HEADER_VALUE("GET /hv HTTP/1.1\r\nHost: a\r\nX-V: a", "b\r\n\r\n",
            b -> b == '\t' || b >= 0x20 && b <= 0x7e || b >= 0x80,
            (b, r) -> same("a" + (char) b + "b", first(r, "X-V"))),
    /** A hex digit is the size of a chunk of that many bytes; any other byte is followed by a 5-byte chunk. */
    CHUNK_SIZE(Templates.CHUNKED_HEAD, b -> "\r\n" + chunkOfSize(Character.digit(b, 16)),
            b -> b < 0x80 && Character.digit(b, 16) >= 0,
            (b, r) -> same("x".repeat(Character.digit(b, 16)), r.bodyText())),
    CHUNK_EXTENSION(Templates.CHUNKED_HEAD + "5;", "\r\nhello\r\n0\r\n\r\n",
            SweepPosition::isTchar,
            (b, r) -> same("hello", r.bodyText())),
    TRAILER(Templates.CHUNKED_HEAD + "5\r\nhello\r\n0\r\nX-", "T: a\r\n\r\n",
            b -> isTchar(b) || b == ':',
            (b, r) -> same("hello", r.bodyText()));

    /** What the upstream should have received for an accepted byte: a problem, or empty when it is right. */
    @FunctionalInterface
    private interface Expectation {
        Optional<String> problem(int b, TestUpstream.Received received);
    }

    /** Request parts several positions share (a holder, since enum constants cannot use the enum's own fields). */
    private static final class Templates {
        static final String CHUNKED_HEAD = "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private final String before;
    private final IntFunction<String> after;
    private final IntPredicate allowed;
    private final Expectation expectation;

    SweepPosition(String before, String after, IntPredicate allowed, Expectation expectation) {
        this(before, b -> after, allowed, expectation);
    }

    SweepPosition(String before, IntFunction<String> after, IntPredicate allowed, Expectation expectation) {
        this.before = before;
        this.after = after;
        this.allowed = allowed;
        this.expectation = expectation;
    }

    /** The whole request with {@code b} in this position. */
    byte[] request(int b) {
        byte[] head = before.getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = after.apply(b).getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) b;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        return all;
    }

    /** Whether the gateway's policy accepts {@code b} here. */
    boolean allows(int b) {
        return allowed.test(b);
    }

    /** A problem with what the upstream received for an accepted byte, if any. */
    Optional<String> expectForwarded(int b, TestUpstream.Received received) {
        return expectation.problem(b, received);
    }

    /**
     * Sends the request with {@code b} here to the proxy at {@code proxy}: true when the upstream's 200 came back,
     * false when the proxy refused the request or closed the connection without an answer.
     */
    boolean passesThrough(InetSocketAddress proxy, int b) throws IOException {
        try (RawClient client = new RawClient(proxy)) {
            client.send(request(b));
            try {
                return client.read().status() == 200;
            } catch (IOException closedWithoutAnswer) {
                return false;
            }
        }
    }

    static boolean isTchar(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                || b < 0x80 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    /** The chunked body after a swept size byte: {@code size} is -1 when the byte is no hex digit. */
    private static String chunkOfSize(int size) {
        return size > 0 ? "x".repeat(size) + "\r\n0\r\n\r\n" : size == 0 ? "\r\n" : "hello\r\n0\r\n\r\n";
    }

    private static String first(TestUpstream.Received r, String name) {
        return r.headers(name).isEmpty() ? "(absent)" : r.headers(name).get(0);
    }

    private static Optional<String> same(String expected, String actual) {
        return expected.equals(actual) ? Optional.empty()
                : Optional.of("forwarded '" + actual + "' instead of '" + expected + "'");
    }
}
