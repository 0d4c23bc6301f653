package dev.consentgate.proxy;

import java.util.List;

/** Comma-separated token lists in header values (RFC 9110 section 5.6.1), read the way the proxy acts on them. */
final class HeaderTokens {

    private HeaderTokens() {
    }

    /** True when any of the field values lists {@code token}, compared case-insensitively. */
    static boolean contains(List<String> fieldValues, String token) {
        for (String value : fieldValues) {
            for (String element : value.split(",")) {
                if (element.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7e || !HttpByteClasses.isTchar((byte) c)) {
                return false;
            }
        }
        return true;
    }
}
