package dev.consentgate.config;

import java.util.Optional;

/** What RFC 6265 allows in a cookie name (a token), so rules cannot name cookies no browser would send. */
final class CookieNames {

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private CookieNames() {
    }

    /** Empty when {@code pattern} is a valid name (or glob when {@code glob}), otherwise what is wrong. */
    static Optional<String> problem(String pattern, boolean glob) {
        if (pattern.isEmpty()) {
            return Optional.of("it is empty");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (glob && (c == '*' || c == '?')) {
                continue;
            }
            if (c <= 0x20 || c >= 0x7f || SEPARATORS.indexOf(c) >= 0) {
                return Optional.of("character '" + printable(c) + "' at position " + (i + 1)
                        + " cannot appear in a cookie name");
            }
        }
        return Optional.empty();
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
