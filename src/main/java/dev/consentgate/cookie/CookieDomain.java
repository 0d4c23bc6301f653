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
 *
 * <p>From a host with no registrable domain, an IP address or a single label such as localhost, Chromium takes only
 * a Domain naming the host itself ("Domain=127.0.0.1", ".LOCALHOST") and stores that cookie host-only, in the same
 * place as one set without a Domain (cookie_util::GetCookieDomainWithString; checked in Chromium 150 from 127.0.0.1,
 * localhost and intranet). A host that is itself a public suffix (github.io) is treated so too, but without a public
 * suffix list the gateway cannot tell it from example.com, where such a cookie is on the domain ".example.com".
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
     * Where Chromium keeps a cookie whose Domain value is {@code value}, set by a response to the request host
     * {@code hostHeader} (port allowed): "" (host-only) when that host is an IP address or a single label and the
     * value names it; otherwise {@link #read}. A value Chromium refuses from there still reads as its domain: a scope
     * the browser never fills, so that no deletion gives way to it.
     */
    static Optional<String> storedFor(String value, Optional<String> hostHeader) {
        Optional<String> host = hostHeader.map(CookieDomain::hostName).filter(CookieDomain::withoutRegistrableDomain);
        if (host.isPresent()) {
            // Chromium compares an IP address as written ("[::1]"), and an IPv4 address or a name with one leading
            // '.' off and in any case; an IPv6 one so written it may refuse, and then it is no scope given way to
            String name = value.startsWith(".") ? value.substring(1) : value;
            boolean asName = !host.get().startsWith("[") && name.toLowerCase(Locale.ROOT).equals(host.get());
            if (value.equals(host.get()) || asName) {
                return Optional.of("");
            }
        }
        return read(value);
    }

    /** The Host header's name: trimmed, lower-case, without its port ("[::1]" keeps its brackets). */
    static String hostName(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && (host.indexOf(':') == colon || host.charAt(colon - 1) == ']')) {
            host = host.substring(0, colon);
        }
        return host;
    }

    /**
     * A host on which Chromium sets no domain cookie at all, as far as the gateway can tell without a public suffix
     * list: an IPv4 or bracketed IPv6 address, or a name of one label (a trailing '.' aside).
     */
    private static boolean withoutRegistrableDomain(String host) {
        String name = withoutTrailingDot(host);
        if (name.isEmpty()) {
            return false;
        }
        boolean ipv4 = name.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
        return name.startsWith("[") || ipv4 || name.indexOf('.') < 0;
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
