package dev.consentgate.hardening;

import dev.consentgate.testing.TestUpstream;
import java.util.Optional;

/**
 * The positions of the byte sweep, each with its request template and the gateway's policy for the swept byte.
 * The policy is RFC 9112 narrowed to what nginx 1.22 also accepts; {@code :} in a field name position splits the
 * line into a shorter valid name and a value, so it is accepted there.
 */
enum SweepPosition {
    METHOD {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes("G", b, "T /sweep HTTP/1.1\r\nHost: a\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return b >= 'A' && b <= 'Z' || b == '-' || b == '_';
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("G" + (char) b + "T /sweep HTTP/1.1", r.requestLine());
        }
    },
    TARGET {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes("GET /a", b, "zz HTTP/1.1\r\nHost: a\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return b >= 0x21 && b <= 0x7e && b != '#' && b != '%';
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("GET /a" + (char) b + "zz HTTP/1.1", r.requestLine());
        }
    },
    VERSION {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes("GET /v HTTP/1.", b, "\r\nHost: a\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return b == '0' || b == '1';
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("GET /v HTTP/1." + (char) b, r.requestLine());
        }
    },
    HEADER_NAME {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes("GET /n HTTP/1.1\r\nHost: a\r\nX-", b, "N: v\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return isTchar(b) || b == ':';
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return b == ':' ? same("N: v", r.headers("x-").get(0)) : same("v", first(r, "X-" + (char) b + "N"));
        }
    },
    HEADER_VALUE {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes("GET /hv HTTP/1.1\r\nHost: a\r\nX-V: a", b, "b\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return b == '\t' || b >= 0x20 && b <= 0x7e || b >= 0x80;
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("a" + (char) b + "b", first(r, "X-V"));
        }
    },
    CHUNK_SIZE {
        @Override
        byte[] request(int b) {
            int size = Character.digit(b, 16);
            String data = size > 0 ? "x".repeat(size) + "\r\n0\r\n\r\n" : size == 0 ? "\r\n" : "hello\r\n0\r\n\r\n";
            return ByteSweepIntegrationTest.bytes(CHUNKED_HEAD, b, "\r\n" + data);
        }

        @Override
        boolean allows(int b) {
            return b < 0x80 && Character.digit(b, 16) >= 0;
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("x".repeat(Character.digit(b, 16)), r.bodyText());
        }
    },
    CHUNK_EXTENSION {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes(CHUNKED_HEAD + "5;", b, "\r\nhello\r\n0\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return isTchar(b);
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("hello", r.bodyText());
        }
    },
    TRAILER {
        @Override
        byte[] request(int b) {
            return ByteSweepIntegrationTest.bytes(CHUNKED_HEAD + "5\r\nhello\r\n0\r\nX-", b, "T: a\r\n\r\n");
        }

        @Override
        boolean allows(int b) {
            return isTchar(b) || b == ':';
        }

        @Override
        Optional<String> expectForwarded(int b, TestUpstream.Received r) {
            return same("hello", r.bodyText());
        }
    };

    private static final String CHUNKED_HEAD = "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** The whole request with {@code b} in this position. */
    abstract byte[] request(int b);

    /** Whether the gateway's policy accepts {@code b} here. */
    abstract boolean allows(int b);

    /** A problem with what the upstream received for an accepted byte, if any. */
    abstract Optional<String> expectForwarded(int b, TestUpstream.Received received);

    static boolean isTchar(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                || b < 0x80 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private static String first(TestUpstream.Received r, String name) {
        return r.headers(name).isEmpty() ? "(absent)" : r.headers(name).get(0);
    }

    private static Optional<String> same(String expected, String actual) {
        return expected.equals(actual) ? Optional.empty()
                : Optional.of("forwarded '" + actual + "' instead of '" + expected + "'");
    }
}
