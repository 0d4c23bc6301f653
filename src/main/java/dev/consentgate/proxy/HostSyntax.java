package dev.consentgate.proxy;

import java.util.Locale;

/**
 * The Host header and the authority of an absolute-form target: {@code uri-host [ ":" port ]} (RFC 9110 section
 * 7.2). Stricter than RFC 3986 where nginx is (no empty label, no leading dot), so a host the gateway routes on is
 * one every server behind it reads the same way.
 */
public final class HostSyntax {

    private HostSyntax() {
    }

    public static boolean isValid(String hostPort) {
        int i;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 2) {
                return false;
            }
            for (int k = 1; k < close; k++) {
                char c = hostPort.charAt(k);
                if (!(Character.digit(c, 16) >= 0 && c < 0x80 || c == ':' || c == '.')) {
                    return false;
                }
            }
            i = close + 1;
        } else {
            i = 0;
            while (i < hostPort.length() && hostPort.charAt(i) != ':') {
                char c = hostPort.charAt(i);
                if (c == '%') {
                    if (i + 2 >= hostPort.length() || !isHex(hostPort.charAt(i + 1)) || !isHex(hostPort.charAt(i + 2))) {
                        return false;
                    }
                    i += 3;
                    continue;
                }
                if (!isRegNameChar(c)) {
                    return false;
                }
                i++;
            }
            String name = hostPort.substring(0, i);
            if (name.isEmpty() || name.startsWith(".") || name.contains("..")) {
                return false;
            }
        }
        if (i == hostPort.length()) {
            return true;
        }
        if (hostPort.charAt(i) != ':' || hostPort.length() - i - 1 > 5) {
            return false;
        }
        for (int k = i + 1; k < hostPort.length(); k++) {
            if (hostPort.charAt(k) < '0' || hostPort.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Lower case, without the scheme's default port, for comparing a Host with a target authority. */
    static String normalize(String hostPort, boolean https) {
        String lower = hostPort.toLowerCase(Locale.ROOT);
        String defaultPort = https ? ":443" : ":80";
        if (lower.endsWith(defaultPort)) {
            return lower.substring(0, lower.length() - defaultPort.length());
        }
        return lower.endsWith(":") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isRegNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }
}
