package dev.consentgate.cookie;

import java.util.Locale;
import java.util.Optional;

/**
 * A Set-Cookie Domain attribute value read as Chromium reads it (cookie_util::GetCookieDomainWithString): one leading
 * '.' dropped, ASCII letters lower-cased, a trailing '.' kept (from a host written with its trailing dot, such as
 * www.example.com., Chromium keeps "Domain=example.com." on ".example.com.", and it takes only a Domain with that dot
 * from such a host).
 *
 * <p>Chromium canonicalizes the rest as a URL's host, with IDNA: a fullwidth '．' is '.', "ＡＤＳ" is "ads", a soft
 * hyphen or a zero-width space is nothing, "bücher" is "xn--bcher-kva"; so "Domain=ad\u00ADs.example.com" (in UTF-8)
 * lands on .ads.example.com (Chromium 150). The gateway does not repeat that mapping (Java's IDNA is not the one
 * Chromium uses: "ß" differs): a value with an octet other than an ASCII letter, digit, '-', '_' or '.', or with an
 * empty label, is one it cannot read, and the cookie's domain counts as unknown, so that every rule it may fall under
 * decides (fail closed). Chromium refuses most such values anyway ('%', a port, quotes, "..", a Latin-1 octet).
 */
final class CookieDomain {

    private CookieDomain() {
    }

    /** The domain Chromium stores for a non-empty Domain value, without its leading '.'; empty when not readable. */
    static Optional<String> read(String value) {
        String domain = value.startsWith(".") ? value.substring(1) : value;
        String labels = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (labels.isEmpty() || labels.startsWith(".") || labels.endsWith(".") || labels.contains("..")) {
            return Optional.empty();
        }
        for (int i = 0; i < labels.length(); i++) {
            if (!isPlainHostChar(labels.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(domain.toLowerCase(Locale.ROOT));
    }

    /**
     * The domain as rule scopes are compared: without a trailing '.', since ".example.com." holds the cookies of the
     * same hosts as ".example.com", written with their trailing dot.
     */
    static String withoutTrailingDot(String domain) {
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** A character Chromium's host canonicalization keeps as it is, but for the case of a letter. */
    private static boolean isPlainHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }
}
