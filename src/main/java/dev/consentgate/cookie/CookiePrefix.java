package dev.consentgate.cookie;

/**
 * The name prefixes browsers attach rules to (RFC 6265bis): {@code __Host-} cookies must be Secure, Path=/ and
 * host-only; {@code __Secure-} cookies must be Secure. Browsers compare them case-insensitively, so do we.
 */
enum CookiePrefix {
    HOST("__Host-"),
    SECURE("__Secure-"),
    NONE("");

    private final String text;

    CookiePrefix(String text) {
        this.text = text;
    }

    static CookiePrefix of(String name) {
        for (CookiePrefix prefix : new CookiePrefix[] {HOST, SECURE}) {
            if (name.regionMatches(true, 0, prefix.text, 0, prefix.text.length())) {
                return prefix;
            }
        }
        return NONE;
    }

    /** The name without this prefix; classification uses it so "__Secure-_ga" is judged as "_ga". */
    String strip(String name) {
        return name.substring(text.length());
    }
}
