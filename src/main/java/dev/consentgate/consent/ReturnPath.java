package dev.consentgate.consent;

import java.util.Optional;

/**
 * Decides whether a {@code return} URL from a consent POST is a safe place to redirect to: only a same-site
 * relative path. Refused: anything not starting with exactly one '/' ({@code //evil}, schemes, relative paths),
 * any backslash ({@code /\evil}: browsers read it as '/'), control characters, spaces and non-ASCII (which
 * browsers strip or re-encode, changing what the check saw), and overlong values.
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    /** The path itself when safe, otherwise empty (the caller answers without a redirect, or redirects to "/"). */
    public static Optional<String> check(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || raw.charAt(0) != '/') {
            return Optional.empty();
        }
        if (raw.length() > 1 && (raw.charAt(1) == '/' || raw.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        return Optional.of(raw);
    }
}
