package dev.consentgate.cookie;

/**
 * The name prefixes browsers attach rules to (RFC 6265bis): {@code __Host-} cookies must be Secure, Path=/ and
 * host-only; {@code __Secure-} cookies must be Secure; {@code __Http-} cookies Secure and HttpOnly, and
 * {@code __Host-Http-} cookies both (Chromium 150 refuses a field that breaks these rules, a deletion too). Browsers
 * compare them case-insensitively, so do we.
 */
enum CookiePrefix {
    HOST_HTTP("__Host-Http-", true, true),
    HOST("__Host-", true, false),
    HTTP("__Http-", false, true),
    SECURE("__Secure-", false, false),
    NONE("", false, false);

    private final String text;
    private final boolean hostOnly;
    private final boolean httpOnly;

    CookiePrefix(String text, boolean hostOnly, boolean httpOnly) {
        this.text = text;
        this.hostOnly = hostOnly;
        this.httpOnly = httpOnly;
    }

    /** The prefix a name starts with; the longest first, so "__Host-Http-x" is HOST_HTTP. */
    static CookiePrefix of(String name) {
        for (CookiePrefix prefix : new CookiePrefix[] {HOST_HTTP, HOST, HTTP, SECURE}) {
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

    /** Whether the browser takes such a cookie only with Path=/ and no Domain. */
    boolean hostOnly() {
        return hostOnly;
    }

    /** Whether the browser takes such a cookie only with HttpOnly. */
    boolean httpOnly() {
        return httpOnly;
    }
}
