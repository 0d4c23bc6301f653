package dev.consentgate.proxy;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids for log lines and the upstream's X-Request-Id: the client's (or a load balancer's) id when it is a
 * plain token, else a new one, unique per process (a random prefix per start, then a counter).
 */
final class RequestIds {

    private static final String PREFIX = Integer.toHexString(new SecureRandom().nextInt() | 0x10000000);
    private static final AtomicLong NEXT = new AtomicLong();
    private static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    static String forRequest(String given) {
        return given != null && isPlainToken(given) ? given : PREFIX + "-" + Long.toHexString(NEXT.incrementAndGet());
    }

    /** Letters, digits, '.', '_' and '-', at most 64: safe to copy into a log line and a header. */
    private static boolean isPlainToken(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
